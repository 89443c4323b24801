package dev.paymux.core.ledger;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.util.List;
import java.util.Optional;

/** Stored payout records. Methods run in a transaction. */
public interface Payouts {

    /** Serializes payouts of one store and asset, so two at once cannot both spend one balance. */
    void lock(StoreId store, Asset asset);

    Optional<Payout> findByReference(StoreId store, String reference);

    void insert(Payout payout);

    List<Payout> list(StoreId store, int limit);
}
