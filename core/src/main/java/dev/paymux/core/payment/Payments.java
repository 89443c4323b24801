package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The payments repository. Methods that lock rows must run inside a transaction. */
public interface Payments {

    /** Stores a new payment and its pending events. */
    void insert(Payment payment);

    /**
     * Stores the payment's changes and its pending events.
     *
     * @throws ConcurrentPaymentUpdateException when someone else changed it since it was loaded
     */
    void update(Payment payment);

    Optional<Payment> find(StoreId store, PaymentId id);

    Optional<Payment> findByOrderId(StoreId store, String orderId);

    /** A payment by its id alone, unlocked: the customer's checkout page knows no store. */
    Optional<Payment> find(PaymentId id);

    /** The current version of each payment found among {@code ids}: it moves on with every change. */
    java.util.Map<PaymentId, Long> versions(java.util.Collection<PaymentId> ids);

    /** Finds and locks a payment by id. */
    Optional<Payment> lock(PaymentId id);

    /**
     * Locks the payments of {@code asset} paying to {@code address} that may still take a transfer:
     * pending, confirming, underpaid, and expired at or after {@code expiredSince}. Ethereum and Bitcoin
     * addresses compare case-insensitively.
     */
    List<Payment> lockReceiving(Asset asset, String address, Instant expiredSince);

    /** Finds and locks the payment behind a selection token. */
    Optional<Payment> lockBySelectionToken(String token);

    PaymentPage list(PaymentQuery query);

    /** Locks up to {@code limit} open payments whose {@code expires_at} has passed, skipping rows others hold. */
    List<Payment> lockDueForExpiry(Instant now, int limit);

    /** The same, limited to one store and asset: used before slots are handed out, so none stays held past expiry. */
    List<Payment> lockDueForExpiry(StoreId store, Asset asset, Instant now);

    /** Locks the queued payments of a store and asset, oldest first. */
    List<Payment> lockQueued(StoreId store, Asset asset);

    /**
     * How many donations of the store are unpaid and still running: pending or queued, not yet past
     * {@code expires_at} at {@code now}.
     */
    int countOpenDonations(StoreId store, Instant now);

    /** The (store, asset) pairs that have queued payments. */
    List<StoreAsset> withQueued();

    record StoreAsset(StoreId store, Asset asset) {
    }

    final class ConcurrentPaymentUpdateException extends RuntimeException {
        public ConcurrentPaymentUpdateException(PaymentId id) {
            super("payment " + id + " was changed concurrently");
        }
    }
}
