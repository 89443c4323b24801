package dev.paymux.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.webhook.Delivery;
import dev.paymux.core.webhook.WebhookDeliveries;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Many claimers racing on one outbox: while a lease lasts, no event is handed to two of them. Each
 * claimer settles nothing, so any event returned twice would be a double send in production.
 */
@SpringBootTest(classes = WebhookClaimRaceTest.App.class)
class WebhookClaimRaceTest {

    static final EmbeddedPostgres SERVER = start();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class App {
    }

    @Autowired
    WebhookDeliveries deliveries;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void databaseUrl(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + SERVER.getPort() + "/postgres");
    }

    @Test
    void concurrentClaimersNeverShareAnEvent() throws Exception {
        int stores = 20;
        int perStore = 100;
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        UUID account = UUID.randomUUID();
        jdbc.sql("insert into accounts (id, name) values (:id, 'race')").param("id", account).update();
        for (int s = 0; s < stores; s++) {
            UUID store = UUID.randomUUID();
            jdbc.sql("""
                    insert into stores (id, account_id, name, api_key, api_secret, webhook_url, webhook_secret)
                    values (:id, :account, 'race', :key, 'secret', 'http://127.0.0.1:1/hook', 'whsec')
                    """).param("id", store).param("account", account).param("key", "key-" + store).update();
            for (int e = 0; e < perStore; e++) {
                jdbc.sql("""
                        insert into webhook_events (id, store_id, type, body, created_at, state, next_attempt_at)
                        values (:id, :store, 'webhook.test', '{}', :now, 'pending', :now)
                        """).param("id", UUID.randomUUID()).param("store", store)
                        .param("now", Timestamp.from(now)).update();
            }
        }
        int total = stores * perStore;
        int claimers = 12;
        Map<UUID, Integer> claimed = new ConcurrentHashMap<>();
        AtomicInteger emptyRounds = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(claimers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < claimers; c++) {
            running.add(pool.submit(() -> {
                start.await();
                while (emptyRounds.get() < claimers * 3) {
                    // Per-store limit high enough that in-flight leases never hold anyone back.
                    List<Delivery> batch = deliveries.claim(now, now.plusSeconds(3600), 7, perStore);
                    if (batch.isEmpty()) {
                        emptyRounds.incrementAndGet();
                    }
                    batch.forEach(d -> claimed.merge(d.eventId().value(), 1, Integer::sum));
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        assertThat(claimed).hasSize(total);
        assertThat(claimed.values()).allMatch(n -> n == 1);
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
