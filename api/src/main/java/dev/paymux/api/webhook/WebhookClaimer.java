package dev.paymux.api.webhook;

import dev.paymux.core.webhook.Delivery;
import dev.paymux.core.webhook.WebhookDeliveries;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** The dispatcher's source: claims a batch of due deliveries under a lease. */
public class WebhookClaimer {

    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final WebhookProperties properties;

    public WebhookClaimer(WebhookDeliveries deliveries, Clock clock, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.properties = properties;
    }

    /** A batch, or null when nothing is due (no message for the flow). */
    public List<Delivery> claim() {
        Instant now = clock.instant();
        List<Delivery> batch = deliveries.claim(now, now.plus(properties.lease()), properties.batchSize(),
                properties.perStoreConcurrency());
        return batch.isEmpty() ? null : batch;
    }
}
