package dev.paymux.api.webhook;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin.WebhookStore;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.WebhookReceiver;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.Outbox;
import dev.paymux.core.webhook.WebhookDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The outbox and the dispatcher: signed, retried on schedule, in order, never lost. */
class WebhookDispatchTest extends ApiTest {

    @Autowired
    PaymentService payments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Outbox outbox;

    @Autowired
    Transactions tx;

    @Autowired
    WebhookDeliveries deliveries;

    @Test
    void anExpiredPaymentReachesTheMerchantOnceSignedTheSeedWay() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("placeholder")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            receiver.secret(store.webhookSecret());
            String id = store.merchant().post("/api/v1/payment/create",
                    "{\"amount\":\"12.5\",\"order_id\":\"HOOK-1\",\"metadata\":{\"user_id\":42}}")
                    .data().get("payment_id").asString();
            clock.advance(Duration.ofMinutes(31));
            payments.expireDue();

            eventually(Duration.ofSeconds(10), () -> receiver.received().size() == 1);
            WebhookReceiver.Received hook = receiver.received().get(0);
            assertThat(hook.seedSignatureValid()).isTrue();
            JsonNode body = json.readTree(hook.body());
            assertThat(body.get("event").asString()).isEqualTo("payment.expired");
            assertThat(body.get("payment_id").asString()).isEqualTo(id);
            assertThat(body.get("order_id").asString()).isEqualTo("HOOK-1");
            assertThat(body.get("amount").decimalValue()).isEqualByComparingTo("12.51");
            assertThat(body.get("currency").asString()).isEqualTo("USDT_TRC20");
            assertThat(body.get("status").asString()).isEqualTo("expired");
            assertThat(body.get("metadata").toString()).isEqualTo("{\"user_id\":42}");
            assertThat(body.get("event_id").asString()).isEqualTo(hook.header("webhook-id"));
            assertThat(hook.header("webhook-signature")).startsWith("v1,");
            assertThat(Math.abs(Long.parseLong(hook.header("X-Timestamp")) - clock.instant().getEpochSecond()))
                    .isLessThan(60);

            eventually(Duration.ofSeconds(5), () -> state(body.get("event_id").asString()).equals("delivered"));
            dispatcherCaughtUp();
            assertThat(receiver.received()).hasSize(1);
        }
    }

    @Test
    void aFailingEndpointSeesSixAttemptsOnTheDocumentedSchedule() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("placeholder")) {
            receiver.respondWith(500);
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            EventId event = enqueueTest(store);

            eventually(Duration.ofSeconds(10), () -> attempts(event) == 1);
            List<Duration> schedule = List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10),
                    Duration.ofHours(1), Duration.ofHours(6));
            for (int retry = 0; retry < schedule.size(); retry++) {
                int expected = retry + 2;
                // Just before the delay has passed nothing is sent; just after, the retry goes out.
                clock.advance(schedule.get(retry).minusSeconds(2));
                dispatcherCaughtUp();
                assertThat(receiver.received()).hasSize(expected - 1);
                clock.advance(Duration.ofSeconds(3));
                eventually(Duration.ofSeconds(10), () -> receiver.received().size() == expected);
                // The schedule counts from when the failure was recorded.
                eventually(Duration.ofSeconds(10), () -> attempts(event) == expected);
            }
            eventually(Duration.ofSeconds(5), () -> state(event.toString()).equals("failed"));
            clock.advance(Duration.ofDays(2));
            dispatcherCaughtUp();
            assertThat(receiver.received()).hasSize(6);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id")).containsOnly(event.toString());

            List<Instant> started = jdbc.sql("select started_at from webhook_attempts where event_id = :id order by attempt")
                    .param("id", event.value()).query((rs, i) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant())
                    .list();
            assertThat(started).hasSize(6);
            for (int i = 0; i < schedule.size(); i++) {
                Duration gap = Duration.between(started.get(i), started.get(i + 1));
                assertThat(gap).isBetween(schedule.get(i), schedule.get(i).plusSeconds(5));
            }
            assertThat(jdbc.sql("select attempts from webhook_events where id = :id").param("id", event.value())
                    .query(Integer.class).single()).isEqualTo(6);
        }
    }

    @Test
    void aPaymentsEventsArriveInOrderEvenThroughRetries() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("placeholder")) {
            receiver.respondWith(503);
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            String paymentId = store.merchant().post("/api/v1/payment/create", "{\"amount\":\"3\"}")
                    .data().get("payment_id").asString();
            EventId first = enqueue(store, paymentId, "payment.confirming");
            EventId second = enqueue(store, paymentId, "payment.completed");

            eventually(Duration.ofSeconds(10), () -> attempts(first) == 1);
            dispatcherCaughtUp();
            assertThat(receiver.received()).hasSize(1);
            receiver.respondWith(200);
            clock.advance(Duration.ofSeconds(11));
            eventually(Duration.ofSeconds(10), () -> receiver.received().size() == 3);
            assertThat(receiver.received()).extracting(r -> r.header("webhook-id"))
                    .containsExactly(first.toString(), first.toString(), second.toString());
        }
    }

    @Test
    void aSlowEndpointDoesNotHoldUpAnotherStore() throws Exception {
        try (WebhookReceiver slow = new WebhookReceiver("x"); WebhookReceiver fast = new WebhookReceiver("y")) {
            slow.delay(Duration.ofMillis(1800)); // below paymux.webhooks.timeout (2 s)
            WebhookStore slowStore = admin().createStoreWithWebhook(slow.url(), clock);
            WebhookStore fastStore = admin().createStoreWithWebhook(fast.url(), clock);
            for (int i = 0; i < 12; i++) {
                enqueueTest(slowStore);
            }
            eventually(Duration.ofSeconds(10), () -> slow.inFlight() > 0);
            enqueueTest(fastStore);
            eventually(Duration.ofSeconds(10), () -> fast.received().size() == 1);
            // The fast store's webhook went out while the slow store's were still being answered.
            assertThat(slow.received().size()).isLessThan(12);
            eventually(Duration.ofSeconds(90), () -> slow.received().size() == 12);
            assertThat(slow.maxConcurrent()).isLessThanOrEqualTo(4);
        }
    }

    @Test
    void aGoneEndpointIsDisabledAndLaterEventsAreHeld() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("placeholder")) {
            receiver.respondWith(410);
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            EventId first = enqueueTest(store);
            eventually(Duration.ofSeconds(10), () -> state(first.toString()).equals("failed"));
            EventId later = enqueueTest(store);
            assertThat(state(later.toString())).isEqualTo("held");
            clock.advance(Duration.ofDays(1));
            dispatcherCaughtUp();
            assertThat(receiver.received()).hasSize(1);
        }
    }

    /**
     * Proves a negative without sleeping: events of another store, enqueued now, are delivered one after
     * the other. The polls that claimed them had every event due before them on offer, so an event that
     * was (wrongly) deliverable would have been claimed — its attempts and state show it — by then.
     */
    private void dispatcherCaughtUp() throws Exception {
        try (WebhookReceiver marker = new WebhookReceiver("marker")) {
            WebhookStore store = admin().createStoreWithWebhook(marker.url(), clock);
            for (int i = 0; i < 2; i++) {
                EventId id = enqueueTest(store);
                eventually(Duration.ofSeconds(30), () -> state(id.toString()).equals("delivered"));
            }
        }
    }

    private EventId enqueueTest(WebhookStore store) {
        EventId id = EventId.random();
        Instant now = clock.instant();
        tx.inTransaction(() -> {
            outbox.enqueue(id, StoreId.parse(store.merchant().storeId()).orElseThrow(), null, "webhook.test",
                    dev.paymux.core.webhook.WebhookPayload.renderTest(id, now), now);
            return null;
        });
        return id;
    }

    private EventId enqueue(WebhookStore store, String paymentId, String type) {
        EventId id = EventId.random();
        Instant now = clock.instant();
        tx.inTransaction(() -> {
            outbox.enqueue(id, StoreId.parse(store.merchant().storeId()).orElseThrow(),
                    PaymentId.parse(paymentId).orElseThrow(), type,
                    "{\"event_id\":\"" + id + "\",\"event\":\"" + type + "\"}", now);
            return null;
        });
        return id;
    }

    private int attempts(EventId id) {
        return jdbc.sql("select attempts from webhook_events where id = :id").param("id", id.value())
                .query(Integer.class).single();
    }

    private String state(String eventId) {
        return jdbc.sql("select state from webhook_events where id = :id").param("id", java.util.UUID.fromString(eventId))
                .query(String.class).single();
    }
}
