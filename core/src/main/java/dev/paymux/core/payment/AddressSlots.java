package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment.Slot;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.Optional;

/** The store's pool of receiving addresses and the amounts open payments expect on them. */
public interface AddressSlots {

    /**
     * The free slot with the smallest offset: an address of the pool and {@code base + k * step}
     * (1 &le; k &le; {@code maxOffsets}) that no open payment on that address expects. Ties go to the
     * address imported first. The caller holds {@link Locks#lockSlots} for the store and asset.
     */
    Optional<Slot> findFree(StoreId store, Asset asset, BigDecimal base, BigDecimal step, int maxOffsets);

    boolean hasAddresses(StoreId store, Asset asset);
}
