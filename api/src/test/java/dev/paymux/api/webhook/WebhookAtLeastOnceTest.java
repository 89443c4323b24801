package dev.paymux.api.webhook;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin.WebhookStore;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.WebhookReceiver;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.Delivery;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.Outbox;
import dev.paymux.core.webhook.WebhookDeliveries;
import dev.paymux.core.webhook.WebhookPayload;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.integration.endpoint.SourcePollingChannelAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A crash between claim and send loses nothing; two dispatchers on one database never send one event twice. */
class WebhookAtLeastOnceTest extends ApiTest {

    @Autowired
    Outbox outbox;

    @Autowired
    Transactions tx;

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    WebhookUrlPolicy urls;

    @Autowired
    WebhookProperties properties;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SourcePollingChannelAdapter webhookPoller;

    @Test
    void aDispatcherThatDiesBetweenClaimAndSendLosesNothing() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            webhookPoller.stop();
            EventId event;
            try {
                event = enqueue(store);
                // Instance A claims the event, then dies before sending: its claim simply never settles.
                List<Delivery> claimed = new WebhookClaimer(deliveries, clock, properties).claim();
                assertThat(claimed).extracting(Delivery::eventId).contains(event);
            } finally {
                webhookPoller.start();
            }
            // While A's lease lasts nobody else sends it.
            dev.paymux.api.support.DispatcherProbe.caughtUp(admin(), clock);
            assertThat(receiver.received()).isEmpty();
            // The lease runs out (10 s in tests); the restarted dispatcher sends it, once.
            clock.advance(properties.lease().plusSeconds(1));
            eventually(Duration.ofSeconds(10), () -> receiver.received().size() == 1);
            assertThat(receiver.received().get(0).header("webhook-id")).isEqualTo(event.toString());
            eventually(Duration.ofSeconds(5), () -> state(event).equals("delivered"));
        }
    }

    @Test
    void twoDispatchersOnOneDatabaseDeliverEachEventExactlyOnce() throws Exception {
        int events = 300;
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            List<WebhookStore> stores = List.of(admin().createStoreWithWebhook(receiver.url(), clock),
                    admin().createStoreWithWebhook(receiver.url(), clock),
                    admin().createStoreWithWebhook(receiver.url(), clock));
            // The second instance with its own claimer and sender, beside the application's own dispatcher.
            WebhookClaimer claimer = new WebhookClaimer(deliveries, clock, properties);
            WebhookSender sender = new WebhookSender(deliveries, tx, urls, clock, properties);
            List<EventId> ids = new ArrayList<>();
            int firstBatch;
            // Both instances must take part whatever the scheduler does: with the application's dispatcher
            // stopped, the second claims and sends one batch (a batch is smaller than the queue) ...
            webhookPoller.stop();
            try {
                for (int i = 0; i < events; i++) {
                    ids.add(enqueue(stores.get(i % stores.size())));
                }
                List<Delivery> batch = claimer.claim();
                assertThat(batch).isNotEmpty().hasSizeLessThan(events);
                batch.forEach(sender::send);
                firstBatch = batch.size();
            } finally {
                webhookPoller.start();
            }
            // ... and it claims again only once the application's dispatcher has delivered something too.
            AtomicBoolean running = new AtomicBoolean(true);
            List<Integer> secondInstanceSent = new ArrayList<>();
            Thread second = new Thread(() -> {
                int sent = firstBatch;
                while (running.get() && receiver.received().size() <= firstBatch) {
                    sleep(20);
                }
                while (running.get()) {
                    List<Delivery> batch = claimer.claim();
                    if (batch == null) {
                        sleep(20);
                        continue;
                    }
                    for (Delivery d : batch) {
                        sender.send(d);
                        sent++;
                    }
                }
                secondInstanceSent.add(sent);
            }, "second-dispatcher");
            second.start();
            Set<String> wanted = ids.stream().map(EventId::toString).collect(Collectors.toSet());
            try {
                eventually(Duration.ofSeconds(60), () -> receivedIds(receiver).containsAll(wanted));
            } finally {
                running.set(false);
                second.join(10_000);
            }
            Map<String, Long> counts = receiver.received().stream()
                    .collect(Collectors.groupingBy(r -> r.header("webhook-id"), Collectors.counting()));
            assertThat(counts.keySet()).containsAll(wanted);
            assertThat(counts.entrySet().stream().filter(e -> wanted.contains(e.getKey())))
                    .allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isEqualTo(1L));
            assertThat(secondInstanceSent.get(0)).as("the second instance took part").isGreaterThan(0);
            assertThat(secondInstanceSent.get(0)).as("the first instance took part").isLessThan(events);
            eventually(Duration.ofSeconds(5), () -> ids.stream().allMatch(id -> state(id).equals("delivered")));
        }
    }

    private static Set<String> receivedIds(WebhookReceiver receiver) {
        return receiver.received().stream().map(r -> r.header("webhook-id")).collect(Collectors.toCollection(HashSet::new));
    }

    private EventId enqueue(WebhookStore store) {
        EventId id = EventId.random();
        Instant now = clock.instant();
        tx.inTransaction(() -> {
            outbox.enqueue(id, StoreId.parse(store.merchant().storeId()).orElseThrow(), null, "webhook.test",
                    WebhookPayload.renderTest(id, now), now);
            return null;
        });
        return id;
    }

    private String state(EventId id) {
        return jdbc.sql("select state from webhook_events where id = :id").param("id", id.value())
                .query(String.class).single();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
