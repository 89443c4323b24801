package dev.paymux.api.limits;

import dev.paymux.api.web.ApiException;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Token buckets kept in PostgreSQL (Bucket4j), so a limit holds across every instance of the gateway.
 * A bucket's key names what it limits ({@code widget-store:<store>}, {@code widget-client:<store>:<ip>});
 * each store's buckets are its own, so one store's visitors never use up another's.
 */
public final class RateLimits {

    private final ProxyManager<String> buckets;

    RateLimits(ProxyManager<String> buckets) {
        this.buckets = buckets;
    }

    /**
     * A limit: {@code requests} per {@code per}, refilled smoothly, so a client that waits
     * {@code per / requests} may ask once more.
     */
    public record Limit(long requests, Duration per) {

        public Limit {
            if (requests < 1 || per == null || per.isZero() || per.isNegative()) {
                throw new IllegalArgumentException("a rate limit needs at least one request per positive period");
            }
        }

        BucketConfiguration configuration() {
            return BucketConfiguration.builder()
                    .addLimit(b -> b.capacity(requests).refillGreedy(requests, per))
                    .build();
        }
    }

    /**
     * Takes one token from the bucket {@code key}, or refuses the request with a 429 whose
     * {@code Retry-After} says when a token will be there again.
     *
     * @param message what the client is told when refused
     */
    public void take(String key, Limit limit, String message) {
        Supplier<BucketConfiguration> config = limit::configuration;
        ConsumptionProbe probe = buckets.getProxy(key, config).tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L);
            throw ApiException.tooManyRequests(message, seconds);
        }
    }
}
