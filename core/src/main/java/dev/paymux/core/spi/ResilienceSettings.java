package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The timeouts, retry and circuit breaker of one provider instance, as every HTTP adapter reads them from
 * its {@link ProviderSettings}. The keys, the same for every adapter:
 *
 * <table>
 *   <caption>Resilience keys below {@code paymux.providers.instances.<name>}</caption>
 *   <tr><th>key</th><th>what</th><th>valid</th></tr>
 *   <tr><td>{@code connect-timeout}</td><td>TCP connect timeout</td><td>a positive duration</td></tr>
 *   <tr><td>{@code read-timeout}</td><td>the timeout of one request</td><td>a positive duration</td></tr>
 *   <tr><td>{@code retry.max-attempts}</td><td>attempts of a call that may be repeated, the first
 *       included (1 = no retry)</td><td>at least 1</td></tr>
 *   <tr><td>{@code retry.wait}</td><td>wait between attempts</td><td>zero or positive</td></tr>
 *   <tr><td>{@code circuit-breaker.failure-rate-threshold}</td><td>percentage of failed calls in the window
 *       that opens the circuit</td><td>1 to 100</td></tr>
 *   <tr><td>{@code circuit-breaker.sliding-window}</td><td>the number of recent calls the rate is computed
 *       over</td><td>at least 1</td></tr>
 *   <tr><td>{@code circuit-breaker.minimum-calls}</td><td>calls needed before the rate is judged at
 *       all</td><td>1 to {@code sliding-window}</td></tr>
 *   <tr><td>{@code circuit-breaker.wait-in-open}</td><td>how long an open circuit fails fast before letting
 *       a trial call through</td><td>a positive duration</td></tr>
 * </table>
 *
 * <p>A key the instance does not set is looked up where the application keeps shared defaults
 * ({@code paymux.providers.defaults.<key>}, by the application's {@link ProviderSettings}), and failing that
 * comes from the adapter's own built-in value. When neither the instance nor the defaults set
 * {@code minimum-calls}, the built-in one is capped at the sliding window.
 *
 * @param connectTimeout       TCP connect timeout
 * @param readTimeout          read timeout of one request
 * @param retryMaxAttempts     attempts per repeatable call, the first included
 * @param retryWait            wait between attempts
 * @param failureRateThreshold failure rate in percent that opens the circuit (a decimal: Resilience4j takes a
 *                             {@code float}, which the adapter converts at its edge)
 * @param slidingWindow        calls in the circuit breaker's (count-based) sliding window
 * @param minimumCalls         calls before the circuit breaker judges the failure rate
 * @param waitInOpen           how long the circuit stays open
 */
public record ResilienceSettings(Duration connectTimeout, Duration readTimeout, int retryMaxAttempts,
        Duration retryWait, BigDecimal failureRateThreshold, int slidingWindow, int minimumCalls,
        Duration waitInOpen) {

    public static final String CONNECT_TIMEOUT = "connect-timeout";
    public static final String READ_TIMEOUT = "read-timeout";
    public static final String RETRY_MAX_ATTEMPTS = "retry.max-attempts";
    public static final String RETRY_WAIT = "retry.wait";
    public static final String FAILURE_RATE_THRESHOLD = "circuit-breaker.failure-rate-threshold";
    public static final String SLIDING_WINDOW = "circuit-breaker.sliding-window";
    public static final String MINIMUM_CALLS = "circuit-breaker.minimum-calls";
    public static final String WAIT_IN_OPEN = "circuit-breaker.wait-in-open";

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    public ResilienceSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(waitInOpen, "waitInOpen");
        Objects.requireNonNull(retryWait, "retryWait");
        if (retryWait.isNegative()) {
            throw new IllegalArgumentException("retryWait must not be negative");
        }
        if (retryMaxAttempts < 1) {
            throw new IllegalArgumentException("retryMaxAttempts must be at least 1");
        }
        Objects.requireNonNull(failureRateThreshold, "failureRateThreshold");
        if (failureRateThreshold.compareTo(BigDecimal.ONE) < 0 || failureRateThreshold.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("failureRateThreshold must be from 1 to 100");
        }
        // 50 and 50.0 are the same threshold.
        failureRateThreshold = failureRateThreshold.stripTrailingZeros();
        if (slidingWindow < 1) {
            throw new IllegalArgumentException("slidingWindow must be at least 1");
        }
        if (minimumCalls < 1 || minimumCalls > slidingWindow) {
            throw new IllegalArgumentException("minimumCalls must be from 1 to slidingWindow");
        }
    }

    /**
     * The settings of the instance {@code settings} describes: each key from the settings (the instance's
     * value, else the shared default) or else from {@code builtIn}, the adapter's own defaults.
     *
     * @throws IllegalStateException naming the setting when a value is malformed or out of range
     */
    public static ResilienceSettings from(ProviderSettings settings, ResilienceSettings builtIn) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(builtIn, "builtIn");
        Duration connect = positive(settings, CONNECT_TIMEOUT).orElse(builtIn.connectTimeout());
        Duration read = positive(settings, READ_TIMEOUT).orElse(builtIn.readTimeout());
        int attempts = atLeastOne(settings, RETRY_MAX_ATTEMPTS).orElse(builtIn.retryMaxAttempts());
        Duration wait = settings.duration(RETRY_WAIT).map(d -> {
            if (d.isNegative()) {
                throw invalid(settings, RETRY_WAIT, "must not be negative");
            }
            return d;
        }).orElse(builtIn.retryWait());
        BigDecimal threshold = settings.decimal(FAILURE_RATE_THRESHOLD).map(d -> {
            if (d.compareTo(BigDecimal.ONE) < 0 || d.compareTo(HUNDRED) > 0) {
                throw invalid(settings, FAILURE_RATE_THRESHOLD, "must be a percentage from 1 to 100, not "
                        + d.toPlainString());
            }
            return d;
        }).orElse(builtIn.failureRateThreshold());
        int window = atLeastOne(settings, SLIDING_WINDOW).orElse(builtIn.slidingWindow());
        Optional<Integer> configuredMinimum = atLeastOne(settings, MINIMUM_CALLS);
        if (configuredMinimum.isPresent() && configuredMinimum.get() > window) {
            throw invalid(settings, MINIMUM_CALLS, "must not exceed " + SLIDING_WINDOW + " (" + window + "), not "
                    + configuredMinimum.get());
        }
        int minimum = configuredMinimum.orElse(Math.min(builtIn.minimumCalls(), window));
        Duration open = positive(settings, WAIT_IN_OPEN).orElse(builtIn.waitInOpen());
        return new ResilienceSettings(connect, read, attempts, wait, threshold, window, minimum, open);
    }

    public ResilienceSettings withTimeouts(Duration connect, Duration read) {
        return new ResilienceSettings(connect, read, retryMaxAttempts, retryWait, failureRateThreshold,
                slidingWindow, minimumCalls, waitInOpen);
    }

    public ResilienceSettings withRetry(int maxAttempts, Duration wait) {
        return new ResilienceSettings(connectTimeout, readTimeout, maxAttempts, wait, failureRateThreshold,
                slidingWindow, minimumCalls, waitInOpen);
    }

    public ResilienceSettings withCircuitBreaker(BigDecimal threshold, int window, int minimum, Duration open) {
        return new ResilienceSettings(connectTimeout, readTimeout, retryMaxAttempts, retryWait, threshold, window,
                minimum, open);
    }

    private static Optional<Duration> positive(ProviderSettings settings, String key) {
        return settings.duration(key).map(d -> {
            if (d.isNegative() || d.isZero()) {
                throw invalid(settings, key, "must be a positive duration, not " + d);
            }
            return d;
        });
    }

    private static Optional<Integer> atLeastOne(ProviderSettings settings, String key) {
        return settings.integer(key).map(n -> {
            if (n < 1) {
                throw invalid(settings, key, "must be at least 1, not " + n);
            }
            return n;
        });
    }

    private static IllegalStateException invalid(ProviderSettings settings, String key, String problem) {
        return new IllegalStateException(settings.path() + "." + key + " " + problem);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
