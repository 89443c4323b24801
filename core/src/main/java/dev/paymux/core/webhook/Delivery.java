package dev.paymux.core.webhook;

import dev.paymux.core.store.StoreId;
import java.time.Instant;

/**
 * A claimed event, ready to send: the body, where to, and the secrets to sign with. {@code leaseUntil}
 * is the claim's fencing token: outcomes are recorded only while the claim is still ours.
 *
 * @param previousSecret the secret before a rotation, while its grace period lasts; else null
 */
public record Delivery(EventId eventId, StoreId storeId, String type, String body, int attemptsSoFar,
        Instant leaseUntil, String url, String secret, String previousSecret) {

    @Override
    public String toString() {
        return "Delivery[" + eventId + ", " + type + ", attempt " + (attemptsSoFar + 1) + "]";
    }
}
