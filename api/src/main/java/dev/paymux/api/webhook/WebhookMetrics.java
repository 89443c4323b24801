package dev.paymux.api.webhook;

import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.WebhookDeliveries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The webhook queue for Prometheus: {@code paymux.webhooks.pending} (events waiting to be sent) and
 * {@code paymux.webhooks.oldest.pending.seconds} (how long the oldest has waited), read from the outbox
 * on each scrape, so every instance reports the same shared queue.
 */
@Component
class WebhookMetrics implements MeterBinder {

    private final WebhookDeliveries deliveries;
    private final Transactions tx;
    private final Clock clock;

    WebhookMetrics(WebhookDeliveries deliveries, Transactions tx, Clock clock) {
        this.deliveries = deliveries;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("paymux.webhooks.pending", this, m -> m.backlog().pending())
                .description("webhook events waiting to be sent").register(registry);
        Gauge.builder("paymux.webhooks.oldest.pending", this, m -> {
            var oldest = m.backlog().oldestCreatedAt();
            return oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
        }).baseUnit("seconds").description("how long the oldest waiting webhook event has waited").register(registry);
    }

    private WebhookDeliveries.Backlog backlog() {
        try {
            return tx.inTransaction(deliveries::backlog);
        } catch (RuntimeException e) {
            // The database is away: the gauge reads nothing rather than failing the scrape.
            return new WebhookDeliveries.Backlog(0, null);
        }
    }
}
