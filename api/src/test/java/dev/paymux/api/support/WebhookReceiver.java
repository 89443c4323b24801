package dev.paymux.api.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A merchant's webhook endpoint on loopback. It records every request and checks the signature the way
 * the seed's PHP snippet does: {@code hash_equals(hash_hmac('sha256', $timestamp . $body, $secret), $sig)}.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(Instant at, Map<String, String> headers, String body, boolean seedSignatureValid) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private volatile String secret;
    private volatile Duration delay = Duration.ZERO;

    public WebhookReceiver(String secret) {
        this.secret = secret;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Map<String, String> headers = new java.util.HashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
                String text = new String(body, StandardCharsets.UTF_8);
                received.add(new Received(Instant.now(), headers, text, verify(headers, text)));
                if (!delay.isZero()) {
                    Thread.sleep(delay.toMillis());
                }
                exchange.sendResponseHeaders(status.get(), -1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
                exchange.close();
            }
        });
        server.start();
    }

    private boolean verify(Map<String, String> headers, String body) {
        String ts = headers.get("x-timestamp");
        String sig = headers.get("x-signature");
        if (ts == null || sig == null) {
            return false;
        }
        String expected = hmacHex(secret, ts + body);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
    }

    public static String hmacHex(String key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public void respondWith(int code) {
        status.set(code);
    }

    public void delay(Duration d) {
        delay = d;
    }

    public void secret(String s) {
        secret = s;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int maxConcurrent() {
        return maxInFlight.get();
    }

    /** Waits (bounded) until the condition holds; fails the test if it never does. */
    public static void eventually(Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + limit);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
