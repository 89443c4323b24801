package dev.paymux.core.ledger;

import dev.paymux.core.money.Currency;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.Map;

/** The double-entry journal. */
public interface Ledger {

    /**
     * Posts an entry unless one with the same idempotency key exists.
     *
     * @return true when posted, false when the key was already posted
     */
    boolean post(JournalEntry entry);

    /** Balances per currency (asset or fiat) for the currencies the store has postings in. */
    Map<Currency, Balance> balances(StoreId store);

    /**
     * The sum of the postings to {@code kind} in {@code currency} of the entries whose idempotency key
     * starts with {@code keyPrefix}: what a business object (e.g. one payment's entries) has booked so far.
     */
    BigDecimal posted(String keyPrefix, AccountKind kind, Currency currency);
}
