package dev.paymux.soprano;

import dev.paymux.core.provider.ProviderException;
import dev.paymux.core.provider.ProviderException.Kind;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.util.function.Supplier;

/**
 * One instance's circuit breaker and retry. Failures that say something about Soprano's health
 * (unavailable, malformed) count towards opening the circuit; a refusal (4xx) is a healthy answer.
 * Only unavailable calls are retried, and only where the call may be repeated safely.
 */
final class SopranoResilience {

    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final SopranoErrors errors;

    SopranoResilience(SopranoConfig config, SopranoErrors errors) {
        this.errors = errors;
        this.circuitBreaker = CircuitBreaker.of("soprano-" + config.instance(), CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(config.slidingWindowSize())
                .minimumNumberOfCalls(config.minimumNumberOfCalls())
                .failureRateThreshold(config.failureRatePercent())
                .waitDurationInOpenState(config.openStateWait())
                // Open -> half-open on its own, so health() recovers without a payment having to try first.
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(SopranoResilience::countsAgainstHealth)
                .build());
        this.retry = Retry.of("soprano-" + config.instance(), RetryConfig.custom()
                .maxAttempts(config.retryAttempts())
                .waitDuration(config.retryWait())
                .retryOnException(e -> e instanceof ProviderException pe && pe.kind() == Kind.UNAVAILABLE)
                .build());
    }

    /** A call that must not be repeated (create): circuit breaker only. */
    <T> T once(Supplier<T> call) {
        return run(CircuitBreaker.decorateSupplier(circuitBreaker, translated(call)));
    }

    /** A call that may be repeated (fetch): retried while unavailable, each attempt through the breaker. */
    <T> T retried(Supplier<T> call) {
        return run(Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, translated(call))));
    }

    CircuitBreaker circuitBreaker() {
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
        return t instanceof ProviderException pe && pe.kind() != Kind.REJECTED;
    }
}
