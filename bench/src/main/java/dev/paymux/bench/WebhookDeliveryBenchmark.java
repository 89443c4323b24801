package dev.paymux.bench;

import com.sun.net.httpserver.HttpServer;
import dev.paymux.api.PaymuxApplication;
import dev.paymux.api.admin.StoreAdministration;
import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.Outbox;
import dev.paymux.core.webhook.WebhookPayload;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.integration.endpoint.SourcePollingChannelAdapter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Webhook deliveries per second from the real dispatcher (outbox in embedded PostgreSQL, leased claims,
 * signing, HTTP) to a receiver on loopback. Run:
 * {@code mvn -B -q -DskipTests install && mvn -B -q -pl bench exec:java -Dexec.args="5000"}.
 * Arguments: number of events (default 5000), stores (default 4), receiver latency in ms (default 0 and 20).
 * {@code -Dbench.analyze=true} refreshes the outbox table's planner statistics before the dispatcher starts.
 */
public final class WebhookDeliveryBenchmark {

    private WebhookDeliveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int storeCount = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        List<Integer> latencies = args.length > 2 ? List.of(Integer.parseInt(args[2])) : List.of(0, 20);

        Path data = Files.createTempDirectory("paymux-bench-pg");
        ConfigurableApplicationContext ctx = new SpringApplicationBuilder(PaymuxApplication.class)
                .properties("server.port=0", "paymux.db.embedded.data-dir=" + data, "paymux.demo.enabled=false",
                        "paymux.rates.mode=fixed", "paymux.limits.merchant-per-key=100000000/1s", "paymux.webhooks.allow-http=true",
                        "paymux.webhooks.allow-private-targets=true", "paymux.webhooks.poll-interval=10ms",
                        "paymux.webhooks.batch-size=100", "paymux.webhooks.per-store-concurrency=8",
                        "paymux.webhooks.threads=32", "paymux.expiry.interval=1h", "logging.level.root=WARN",
                        "spring.main.banner-mode=off")
                .run();
        try {
            for (int latency : latencies) {
                run(ctx, events, storeCount, latency);
            }
        } finally {
            ctx.close();
        }
    }

    private static void run(ConfigurableApplicationContext ctx, int events, int storeCount, int latencyMs)
            throws IOException, InterruptedException {
        AtomicLong received = new AtomicLong();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        receiver.setExecutor(Executors.newFixedThreadPool(64));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (latencyMs > 0) {
                try {
                    Thread.sleep(latencyMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        try {
            StoreAdministration admin = ctx.getBean(StoreAdministration.class);
            List<StoreId> stores = new ArrayList<>();
            for (int i = 0; i < storeCount; i++) {
                stores.add(admin.createStore(null, "bench", "bench-" + i,
                        new StoreSettings(List.of(Asset.USDT_TRC20), "USD", 1800, BigDecimal.ZERO, url)).storeId());
            }
            SourcePollingChannelAdapter poller = ctx.getBean("webhookPoller", SourcePollingChannelAdapter.class);
            Outbox outbox = ctx.getBean(Outbox.class);
            Transactions tx = ctx.getBean(Transactions.class);
            Clock clock = ctx.getBean(Clock.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);

            poller.stop();
            Instant now = clock.instant();
            for (int from = 0; from < events; from += 500) {
                int to = Math.min(events, from + 500);
                int start = from;
                tx.inTransaction(() -> {
                    for (int i = start; i < to; i++) {
                        EventId id = EventId.random();
                        outbox.enqueue(id, stores.get(i % stores.size()), null, "webhook.test",
                                WebhookPayload.renderTest(id, now), now);
                    }
                    return null;
                });
            }
            if (Boolean.getBoolean("bench.analyze")) {
                jdbc.sql("analyze webhook_events").update();
            }
            long t0 = System.nanoTime();
            poller.start();
            long delivered = 0;
            while (delivered < events) {
                Thread.sleep(50);
                delivered = jdbc.sql("select count(*) from webhook_events where state = 'delivered' and store_id in ("
                        + String.join(",", stores.stream().map(s -> "'" + s + "'").toList()) + ")")
                        .query(Long.class).single();
                if ((System.nanoTime() - t0) / 1e9 > 600) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("webhook-delivery: events=%d stores=%d receiver_latency_ms=%d delivered=%d "
                            + "received=%d seconds=%.2f deliveries_per_second=%.0f%n",
                    events, storeCount, latencyMs, delivered, received.get(), seconds, delivered / seconds);
        } finally {
            receiver.stop(0);
        }
    }
}
