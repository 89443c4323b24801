package dev.paymux.core.ledger;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.util.Map;

/** The double-entry journal. */
public interface Ledger {

    /**
     * Posts an entry unless one with the same idempotency key exists.
     *
     * @return true when posted, false when the key was already posted
     */
    boolean post(JournalEntry entry);

    /** Balances per asset for the assets the store has postings in. */
    Map<Asset, Balance> balances(StoreId store);
}
