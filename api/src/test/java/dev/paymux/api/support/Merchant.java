package dev.paymux.api.support;

import dev.paymux.api.auth.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** A merchant integration as the seed describes it: every request signed with the store's secret. */
public record Merchant(Http http, String storeId, String apiKey, String apiSecret, Clock clock) {

    public Http.Response post(String path, String body) {
        return send("POST", path, body);
    }

    /**
     * A well-behaved client under load: a 503 with {@code Retry-After} (the pool was exhausted before the
     * request did anything) is retried, up to a bound, as the API documentation tells merchants to.
     */
    public Http.Response postRetryingUnavailable(String path, String body) throws InterruptedException {
        Http.Response r = post(path, body);
        for (int attempt = 0; attempt < 50 && r.status() == 503; attempt++) {
            assert r.header("Retry-After") != null : "a 503 carries Retry-After";
            Thread.sleep(100); // client back-off between retries; nothing is asserted about time
            r = post(path, body);
        }
        return r;
    }

    public Http.Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, "");
    }

    /** Signs over the path without the query string, the canonical form. */
    public Http.Response send(String method, String pathAndQuery, String body) {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String signature = RequestSignature.sign(apiSecret, timestamp, method, path, bytes);
        return http.send(method, pathAndQuery, method.equals("GET") ? null : bytes, Map.of(
                "Content-Type", "application/json",
                "X-Api-Key", apiKey,
                "X-Timestamp", timestamp,
                "X-Signature", signature));
    }
}
