package dev.paymux.soprano;

import dev.paymux.core.spi.ProviderHealth;
import feign.Response;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * The instance's health: down while its circuit is open, else what Soprano's {@code GET /health} says,
 * cached briefly so that frequent health probes do not become load on Soprano. The health call does not
 * go through the circuit breaker: probing is not a payment and must not keep a circuit open or closed.
 */
final class SopranoHealthCheck {

    // The body of /health is not documented; a 2xx is healthy unless it explicitly says otherwise.
    private static final Set<String> UNHEALTHY = Set.of("down", "error", "fail", "failed", "unhealthy", "maintenance");

    private record Cached(ProviderHealth health, Instant at) {
    }

    private final Supplier<Response> probe;
    private final CircuitBreaker circuitBreaker;
    private final Duration ttl;
    private final Clock clock;
    private volatile Cached cached;

    SopranoHealthCheck(Supplier<Response> probe, CircuitBreaker circuitBreaker, Duration ttl, Clock clock) {
        this.probe = probe;
        this.circuitBreaker = circuitBreaker;
        this.ttl = ttl;
        this.clock = clock;
    }

    ProviderHealth health() {
        CircuitBreaker.State state = circuitBreaker.getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            return ProviderHealth.down("circuit open after repeated failures");
        }
        Cached c = cached;
        Instant now = clock.instant();
        if (c != null && now.isBefore(c.at().plus(ttl))) {
            return c.health();
        }
        ProviderHealth fresh = probe();
        cached = new Cached(fresh, now);
        return fresh;
    }

    private ProviderHealth probe() {
        try (Response response = probe.get()) {
            int status = response.status();
            if (status < 200 || status >= 300) {
                return ProviderHealth.down("GET /health answered HTTP " + status);
            }
            String reported = reportedStatus(response);
            if (reported != null && UNHEALTHY.contains(reported.toLowerCase(Locale.ROOT))) {
                return ProviderHealth.down("GET /health reports status " + reported);
            }
            return ProviderHealth.up("GET /health answered HTTP " + status);
        } catch (RuntimeException e) {
            return ProviderHealth.down("GET /health failed: " + e.getClass().getSimpleName());
        }
    }

    private static String reportedStatus(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            JsonNode root = SopranoJson.MAPPER.readTree(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
            JsonNode status = root == null ? null : root.get("status");
            return status != null && status.isString() ? status.asString() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
