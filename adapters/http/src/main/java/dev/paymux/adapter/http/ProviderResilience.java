package dev.paymux.adapter.http;

import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ResilienceSettings;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One provider instance's circuit breaker and retry, built the same way for every adapter from its
 * {@link ResilienceSettings} (the instance's keys, the shared defaults, the adapter's built-in values).
 * Failures that say something about the provider's health ({@code UNAVAILABLE}, {@code MALFORMED}) count
 * towards opening the circuit; a refusal ({@code REJECTED}) is a healthy answer. An open circuit turns
 * half-open by itself after {@code circuit-breaker.wait-in-open}, so an instance recovers without waiting for a
 * scheduled refresh or a payment to try first. Only {@code UNAVAILABLE} calls are retried, and only those the
 * adapter marks safe to repeat.
 */
public final class ProviderResilience {

    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final ProviderErrors errors;

    /**
     * @param name     the breaker's and the retry's name, e.g. {@code soprano-soprano-ru}
     * @param settings the instance's resilience settings
     * @param errors   how failures become {@link ProviderException}s
     */
    public ProviderResilience(String name, ResilienceSettings settings, ProviderErrors errors) {
        Objects.requireNonNull(settings, "settings");
        this.errors = Objects.requireNonNull(errors, "errors");
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindow())
                .minimumNumberOfCalls(settings.minimumCalls())
                // Resilience4j takes a float percentage: converted here, at the edge.
                .failureRateThreshold(settings.failureRateThreshold().floatValue())
                .waitDurationInOpenState(settings.waitInOpen())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ProviderResilience::countsAgainstHealth)
                .build());
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(settings.retryMaxAttempts())
                .waitDuration(settings.retryWait())
                .retryOnException(e -> e instanceof ProviderException pe && pe.kind() == Kind.UNAVAILABLE)
                .build());
    }

    /** A call that must not be repeated (a create the provider does not deduplicate): circuit breaker only. */
    public <T> T once(Supplier<T> call) {
        return run(CircuitBreaker.decorateSupplier(circuitBreaker, translated(call)));
    }

    /** A call that may be repeated: retried while unavailable, each attempt through the breaker. */
    public <T> T retried(Supplier<T> call) {
        return run(Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, translated(call))));
    }

    /** {@link #retried} when {@code repeatable}, else {@link #once}. */
    public <T> T call(boolean repeatable, Supplier<T> call) {
        return repeatable ? retried(call) : once(call);
    }

    public CircuitBreaker circuitBreaker() {
        return circuitBreaker;
    }

    // Translate inside the breaker so it records typed failures, and outside for the breaker's own refusal.
    private <T> Supplier<T> translated(Supplier<T> call) {
        return () -> {
            try {
                return call.get();
            } catch (RuntimeException e) {
                throw errors.translate(e);
            }
        };
    }

    private <T> T run(Supplier<T> decorated) {
        try {
            return decorated.get();
        } catch (RuntimeException e) {
            throw errors.translate(e);
        }
    }

    private static boolean countsAgainstHealth(Throwable t) {
        return !(t instanceof ProviderException pe) || pe.kind() != Kind.REJECTED;
    }
}
