package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The stores' extended public keys and the derivation indexes handed out from them. Methods that
 * reserve or lock must run inside a transaction.
 */
public interface DerivedAddresses {

    Optional<StoreXpub> find(StoreId store, Asset asset);

    List<StoreXpub> list(StoreId store);

    /**
     * Sets the store's key for the asset. Setting the same key again keeps its next index (or moves it on to
     * {@code firstUnusedIndex}); a different key starts at {@code firstUnusedIndex}.
     *
     * @return false, writing nothing, when the key is already set for another store or asset: the same
     *         addresses would then serve two payments
     */
    boolean put(StoreId store, Asset asset, String xpub, int firstUnusedIndex);

    /** Whether the store already has this receiving address for the asset, imported or derived. */
    boolean isKnown(StoreId store, Asset asset, String address);

    /** Whether the receiving address with this id was derived for one payment (not a pool address). */
    boolean isDerived(long addressId);

    /** The highest derivation index among the store's derived addresses for the asset, or -1. */
    int maxDerivationIndex(StoreId store, Asset asset);

    /** @return false when the store had no key for the asset */
    boolean remove(StoreId store, Asset asset);

    /**
     * Takes the key's next index and moves the counter on, holding the key's row lock until the
     * transaction ends, so two payments never get one index. Empty when the store has no key for the asset.
     */
    Optional<Reservation> reserve(StoreId store, Asset asset);

    /**
     * Records a derived address as a receiving address of the store, used by one payment only.
     *
     * @return its id, or empty when the store already has this address (imported or derived before)
     */
    OptionalLong addDerived(StoreId store, Asset asset, String address, int index);

    /** A store's extended public key for one asset. */
    record StoreXpub(StoreId store, Asset asset, String xpub, int nextIndex, Instant createdAt) {
    }

    /** An index reserved on a key. */
    record Reservation(String xpub, int index) {
    }
}
