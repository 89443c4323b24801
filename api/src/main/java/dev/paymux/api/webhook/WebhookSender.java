package dev.paymux.api.webhook;

import dev.paymux.core.webhook.AttemptOutcome;
import dev.paymux.core.webhook.Delivery;
import dev.paymux.core.webhook.RetrySchedule;
import dev.paymux.core.webhook.WebhookDeliveries;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.core.GenericHandler;
import org.springframework.messaging.MessageHeaders;

/**
 * Sends one claimed delivery and records the outcome: 2xx delivered; 410 disables the endpoint; anything
 * else (other status, timeout, refused URL, connection error) is retried on the schedule, then failed.
 */
public class WebhookSender implements GenericHandler<Delivery> {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookDeliveries deliveries;
    private final dev.paymux.core.tx.Transactions tx;
    private final WebhookUrlPolicy urls;
    private final Clock clock;
    private final WebhookProperties properties;
    private final RetrySchedule schedule;
    private final HttpClient http;

    public WebhookSender(WebhookDeliveries deliveries, dev.paymux.core.tx.Transactions tx, WebhookUrlPolicy urls,
            Clock clock, WebhookProperties properties) {
        this.deliveries = deliveries;
        this.tx = tx;
        this.urls = urls;
        this.clock = clock;
        this.properties = properties;
        this.schedule = properties.schedule();
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public Object handle(Delivery delivery, MessageHeaders headers) {
        send(delivery);
        return null;
    }

    public void send(Delivery d) {
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        Optional<String> refusal = d.url() == null ? Optional.of("the store has no webhook URL") : urls.refusal(d.url());
        if (refusal.isPresent()) {
            error = "not sent: " + refusal.get();
        } else {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(d.url()))
                        .timeout(properties.timeout())
                        .POST(HttpRequest.BodyPublishers.ofString(d.body()));
                WebhookSignatures.headers(d.eventId().toString(), started.getEpochSecond(), d.body(), d.secret(),
                        d.previousSecret()).forEach(request::header);
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (HttpTimeoutException e) {
                error = "timed out after " + properties.timeout().toSeconds() + " s";
            } catch (IOException e) {
                error = "connection failed: " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
            } catch (IllegalArgumentException e) {
                error = "not sent: invalid URL";
            }
        }
        long durationMs = (System.nanoTime() - t0) / 1_000_000;
        AttemptOutcome outcome = new AttemptOutcome(started, durationMs, d.url(), status, error);
        record(d, outcome);
    }

    /** The outcome, its attempt row and (for a 410) the endpoint's disabling are seen together or not at all. */
    private void record(Delivery d, AttemptOutcome outcome) {
        tx.inTransaction(() -> {
            recordInTransaction(d, outcome);
            return null;
        });
    }

    private void recordInTransaction(Delivery d, AttemptOutcome outcome) {
        Instant now = clock.instant();
        boolean recorded;
        if (outcome.succeeded()) {
            recorded = deliveries.delivered(d, outcome);
        } else if (outcome.gone()) {
            recorded = deliveries.gone(d, outcome, now);
            log.warn("Webhook endpoint of store {} answered 410 Gone; disabled", d.storeId());
        } else {
            Instant retryAt = schedule.next(d.attemptsSoFar() + 1, ThreadLocalRandom.current()).map(now::plus).orElse(null);
            recorded = deliveries.failed(d, outcome, retryAt);
            if (retryAt == null) {
                log.warn("Webhook {} for store {} failed after {} attempts", d.eventId(), d.storeId(),
                        d.attemptsSoFar() + 1);
            }
        }
        if (!recorded) {
            log.info("Webhook {}: claim expired before the outcome was recorded; it will be sent again", d.eventId());
        }
    }
}
