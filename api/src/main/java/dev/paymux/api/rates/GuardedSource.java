package dev.paymux.api.rates;

import feign.FeignException;
import feign.RetryableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link RateSource} behind its own retry and circuit breaker, taken from the Boot-configured registries
 * by the source's name ({@code resilience4j.*.instances.coinbase}, ...), so each source is tuned on its
 * own on top of the shared defaults. Retry is outermost, as with the Resilience4j annotations: every
 * attempt counts for the breaker, and an open breaker fails at once.
 *
 * <p>{@link #fetch()} never throws: HTTP errors, timeouts, bad bodies and an open circuit all become a
 * {@link SourceResult.Failed} naming the reason.
 */
final class GuardedSource {

    private final String name;
    private final CircuitBreaker breaker;
    private final Supplier<Map<String, Map<String, BigDecimal>>> guarded;

    GuardedSource(RateSource source, CircuitBreakerRegistry breakers, RetryRegistry retries) {
        this.name = source.name();
        this.breaker = breakers.circuitBreaker(name);
        Retry retry = retries.retry(name);
        this.guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, source::fetch));
    }

    String name() {
        return name;
    }

    SourceResult fetch() {
        try {
            return new SourceResult.Priced(name, guarded.get());
        } catch (RuntimeException e) {
            return new SourceResult.Failed(name, reason(e));
        }
    }

    private String reason(RuntimeException e) {
        if (e instanceof CallNotPermittedException) {
            return "circuit breaker is " + breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
        }
        if (e instanceof RetryableException) {
            // Feign's wrapper for I/O failures: connection refused, read timed out.
            return "unreachable (" + e.getMessage() + ")";
        }
        if (e instanceof FeignException feign) {
            return "HTTP " + feign.status();
        }
        if (e instanceof RateSourceException) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
