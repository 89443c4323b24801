package dev.paymux.dashboard.stores;

import dev.paymux.core.store.StoreDirectory.WebhookEndpoint;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.Optional;

/**
 * A store's webhook endpoint as the dashboard changes it: the application implements it with the
 * merchant API's own rules (which URLs are accepted, re-enabling, test events, secret rotation).
 */
public interface WebhookSetup {

    Optional<WebhookEndpoint> endpoint(StoreId store);

    /** Why {@code url} cannot be the store's webhook URL (https only, no private address…), or empty. */
    Optional<String> refusal(String url);

    /** Sets the URL, or removes it with null; an endpoint a 410 disabled is enabled again. */
    WebhookEndpoint setUrl(StoreId store, String urlOrNull);

    /** Sends a {@code webhook.test} event; its id, or empty when the store has no URL. */
    Optional<String> sendTest(StoreId store);

    /** A new webhook secret, shown once; the previous one still signs until {@code previousValidUntil}. */
    Rotated rotateSecret(StoreId store);

    record Rotated(String secret, Instant previousValidUntil) {
        @Override
        public String toString() {
            return "Rotated[secret=***, previousValidUntil=" + previousValidUntil + "]";
        }
    }
}
