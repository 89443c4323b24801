package dev.paymux.core.webhook;

import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outbox from the dispatcher's and the delivery log's side. */
public interface WebhookDeliveries {

    /**
     * Claims due events ({@code FOR UPDATE SKIP LOCKED}) until {@code leaseUntil}: at most {@code limit},
     * at most {@code perStore} in flight per store, and only the oldest undelivered event of each payment,
     * so a payment's events arrive in order. A claim that is never settled expires and is claimed again.
     */
    List<Delivery> claim(Instant now, Instant leaseUntil, int limit, int perStore);

    /** Records the attempt; settles the event as delivered. False when the claim was lost meanwhile. */
    boolean delivered(Delivery delivery, AttemptOutcome outcome);

    /** Records the attempt; schedules the next one, or gives up when {@code retryAt} is null. */
    boolean failed(Delivery delivery, AttemptOutcome outcome, Instant retryAt);

    /** Records the attempt; the endpoint answered 410 Gone: disable it and hold the store's pending events. */
    boolean gone(Delivery delivery, AttemptOutcome outcome, Instant now);

    DeliveryPage page(StoreId store, int page, int perPage, String state);

    Optional<DeliveryRecord> find(StoreId store, EventId id);

    /** Sends the event again as soon as possible, with a fresh attempt count; false when unknown. */
    boolean redeliver(StoreId store, EventId id, Instant now);

    /** Re-enables a disabled endpoint and releases the events held meanwhile. */
    int enableEndpoint(StoreId store, Instant now);

    /** Events in a state across all stores, newest first (the operator's view of failures). */
    List<DeliveryRecord> recentInState(String state, int limit);

    /** How many events wait to be sent, and since when the oldest of them waits (null when none). */
    Backlog backlog();

    record Backlog(long pending, Instant oldestCreatedAt) {
    }

    record DeliveryRecord(EventId id, StoreId store, String paymentId, String type, String state, String stateReason,
            int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Integer lastStatusCode,
            String lastError, String body, List<Attempt> attemptLog) {
    }

    record Attempt(int attempt, Instant startedAt, long durationMs, String url, Integer statusCode, String error) {
    }

    record DeliveryPage(List<DeliveryRecord> items, long total) {
    }
}
