package dev.paymux.api.support;

import dev.paymux.api.auth.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A merchant integration as the seed describes it: every request signed with the store's secret. A
 * request that changes something is signed afresh each time, as the API asks of a retry: when the same
 * bytes were already signed in this second, the next unused second is the timestamp (well inside the
 * window). {@link #sign} makes one signed request that can be sent again unchanged, to replay it.
 */
public record Merchant(Http http, String storeId, String apiKey, String apiSecret, Clock clock) {

    /** Signatures of changing requests already made, so the same one is never made twice by accident. */
    private static final Set<String> SIGNED = ConcurrentHashMap.newKeySet();

    /** One signed request: {@link #send()} sends exactly the same bytes and headers every time. */
    public record Signed(Http http, String method, String pathAndQuery, byte[] body, Map<String, String> headers) {

        public Http.Response send() {
            return http.send(method, pathAndQuery, body, headers);
        }

        public String timestamp() {
            return headers.get("X-Timestamp");
        }

        public String signature() {
            return headers.get("X-Signature");
        }
    }

    public Http.Response post(String path, String body) {
        return send("POST", path, body);
    }

    /**
     * A well-behaved client under load: a 503 with {@code Retry-After} (the pool was exhausted before the
     * request did anything) is retried, signed again, up to a bound, as the API documentation tells merchants to.
     */
    public Http.Response postRetryingUnavailable(String path, String body) throws InterruptedException {
        return retryingUnavailable(sign("POST", path, body));
    }

    /** Sends {@code first} as it is, then each retry after a 503 signed again. */
    public Http.Response retryingUnavailable(Signed first) throws InterruptedException {
        Http.Response r = first.send();
        for (int attempt = 0; attempt < 50 && r.status() == 503; attempt++) {
            assert r.header("Retry-After") != null : "a 503 carries Retry-After";
            Thread.sleep(100); // client back-off between retries; nothing is asserted about time
            r = sign(first.method(), first.pathAndQuery(), new String(first.body(), StandardCharsets.UTF_8)).send();
        }
        return r;
    }

    public Http.Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, "");
    }

    /** Signs over the path without the query string, the canonical form. */
    public Http.Response send(String method, String pathAndQuery, String body) {
        return sign(method, pathAndQuery, body).send();
    }

    /** A request signed now (a read) or with a timestamp not yet used for the same bytes (a change). */
    public Signed sign(String method, String pathAndQuery, String body) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        boolean read = method.equals("GET") || method.equals("HEAD");
        long timestamp = clock.instant().getEpochSecond();
        String signature = RequestSignature.sign(apiSecret, String.valueOf(timestamp), method, path, bytes);
        while (!read && !SIGNED.add(signature)) {
            timestamp++;
            signature = RequestSignature.sign(apiSecret, String.valueOf(timestamp), method, path, bytes);
        }
        return new Signed(http, method, pathAndQuery, method.equals("GET") ? null : bytes, Map.of(
                "Content-Type", "application/json",
                "X-Api-Key", apiKey,
                "X-Timestamp", String.valueOf(timestamp),
                "X-Signature", signature));
    }
}
