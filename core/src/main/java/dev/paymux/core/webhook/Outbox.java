package dev.paymux.core.webhook;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.store.StoreId;
import java.time.Instant;

/** Writes webhook events in the caller's transaction; the dispatcher sends them later. */
public interface Outbox {

    /**
     * Adds an event for the store's webhook endpoint: {@code pending} when the store has an enabled
     * endpoint, {@code held} while its endpoint is disabled, {@code skipped} when it has none.
     */
    void enqueue(EventId id, StoreId store, PaymentId payment, String type, String body, Instant now);

    /**
     * Adds an event that is logged but never sent: {@code skipped}, with {@code reason} for the delivery log,
     * whatever the endpoint's state.
     */
    void enqueueSkipped(EventId id, StoreId store, PaymentId payment, String type, String body, Instant now,
            String reason);
}
