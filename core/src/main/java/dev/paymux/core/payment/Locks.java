package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;

/** Transaction-scoped locks that serialize the decisions that must not race across instances. */
public interface Locks {

    /** Serializes creations with one order id in one store, so a retried create finds the first one. */
    void lockOrder(StoreId store, String orderId);

    /** Serializes slot assignment for one store and asset. */
    void lockSlots(StoreId store, Asset asset);

    /** Serializes donation creation in one store, so the cap on its unpaid donations holds under races. */
    void lockDonations(StoreId store);
}
