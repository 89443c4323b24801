package dev.paymux.api.webhook;

import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreDirectory.WebhookEndpoint;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.EventTypes;
import dev.paymux.core.webhook.Outbox;
import dev.paymux.core.webhook.WebhookDeliveries;
import dev.paymux.core.webhook.WebhookPayload;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A store's webhook endpoint, for the merchant API and the dashboard alike: which URLs are accepted,
 * setting one (which re-enables an endpoint a 410 disabled), the test event, and secret rotation.
 */
@Component
class WebhookEndpoints {

    static final int MAX_URL_LENGTH = 2048;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final StoreDirectory directory;
    private final WebhookDeliveries deliveries;
    private final Outbox outbox;
    private final Transactions tx;
    private final WebhookUrlPolicy urls;
    private final WebhookProperties properties;
    private final Clock clock;

    WebhookEndpoints(StoreDirectory directory, WebhookDeliveries deliveries, Outbox outbox, Transactions tx,
            WebhookUrlPolicy urls, WebhookProperties properties, Clock clock) {
        this.directory = directory;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.tx = tx;
        this.urls = urls;
        this.properties = properties;
        this.clock = clock;
    }

    record Rotated(String secret, Instant previousValidUntil) {
        @Override
        public String toString() {
            return "Rotated[secret=***, previousValidUntil=" + previousValidUntil + "]";
        }
    }

    /** Why {@code url} cannot be a webhook URL, or empty when it can. */
    Optional<String> refusal(String url) {
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("it must be at most " + MAX_URL_LENGTH + " characters");
        }
        return urls.refusal(url);
    }

    Optional<WebhookEndpoint> endpoint(StoreId store) {
        return directory.webhookEndpoint(store);
    }

    /** Sets the URL ({@link #refusal} checked by the caller), or removes it with null; sends what was held. */
    WebhookEndpoint setUrl(StoreId store, String urlOrNull) {
        Instant now = clock.instant();
        return tx.inTransaction(() -> {
            directory.setWebhookUrl(store, urlOrNull);
            deliveries.enableEndpoint(store, now);
            return directory.webhookEndpoint(store).orElseThrow();
        });
    }

    /** Writes a {@code webhook.test} event; empty when the store has no URL. */
    Optional<WebhookDeliveries.DeliveryRecord> sendTest(StoreId store) {
        Instant now = clock.instant();
        EventId id = EventId.random();
        return tx.inTransaction(() -> {
            if (directory.webhookEndpoint(store).map(WebhookEndpoint::url).isEmpty()) {
                return Optional.empty();
            }
            outbox.enqueue(id, store, null, EventTypes.TEST, WebhookPayload.renderTest(id, now), now);
            return Optional.of(deliveries.find(store, id)
                    .orElseThrow(() -> new IllegalStateException("test event " + id + " was not written")));
        });
    }

    /** A new webhook secret; the previous one still signs until the grace period ends. */
    Rotated rotateSecret(StoreId store) {
        Duration grace = properties.secretGrace().isNegative() ? Duration.ZERO : properties.secretGrace();
        Instant until = clock.instant().plus(grace);
        String secret = newSecret();
        tx.inTransaction(() -> {
            directory.rotateWebhookSecret(store, secret, until);
            return null;
        });
        return new Rotated(secret, until);
    }

    /** Standard Webhooks style, like the secret issued with the store: {@code whsec_} + base64 of 32 random bytes. */
    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "whsec_" + Base64.getEncoder().encodeToString(bytes);
    }
}
