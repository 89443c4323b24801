package dev.paymux.soprano;

import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.ResilienceSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One configured Soprano instance. Soprano publishes no fee or limit API, so the pay methods (fiat
 * currencies such as {@code RUB}, with the limits and fees of the operator's contract) are configuration.
 *
 * @param instance             the operator's name for this instance, e.g. {@code soprano-ru}
 * @param baseUrl              the API root including its version, e.g. {@value #DEFAULT_BASE_URL}
 * @param apiKey               sent as {@code X-API-Key} on every request
 * @param merchantId           the {@code merchant_id} of the merchant account at Soprano
 * @param webhookSecret        the value Soprano sends in {@code X-Webhook-Secret} on callbacks
 * @param connectTimeout       TCP connect timeout
 * @param readTimeout          read timeout per request
 * @param retryAttempts        attempts (first call included) for fetch on an unavailable provider; create
 *                             is never retried (Soprano's create is not idempotent on our reference)
 * @param retryWait            wait between attempts
 * @param failureRatePercent   the circuit opens when this share of the window's calls failed
 * @param slidingWindowSize    the number of recent calls the failure rate is computed over
 * @param minimumNumberOfCalls the least number of calls before the circuit may open (at most the window)
 * @param openStateWait        how long an open circuit fails fast before it lets trial calls through
 * @param healthCacheTtl       how long an answer of Soprano's {@code GET /health} is reused
 * @param methods              the fiat pay methods this instance takes, with limits and fees
 */
public record SopranoConfig(String instance, String baseUrl, String apiKey, long merchantId, String webhookSecret,
        Duration connectTimeout, Duration readTimeout, int retryAttempts, Duration retryWait,
        float failureRatePercent, int slidingWindowSize, int minimumNumberOfCalls, Duration openStateWait,
        Duration healthCacheTtl,
        List<PayMethod> methods) {

    /** Soprano's production API root as its documentation gives it. */
    public static final String DEFAULT_BASE_URL = "https://soprano-exch.info/api/v1";

    /**
     * Timeouts, retry and circuit breaker when neither the instance nor the shared defaults set them:
     * connect 2 s, read 5 s, 3 attempts 500 ms apart, the circuit opening at 50 % failures over 10 calls
     * (judged once 10 were made) and staying open 30 s.
     */
    public static final ResilienceSettings BUILT_IN_RESILIENCE = new ResilienceSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(5), 3, Duration.ofMillis(500), new BigDecimal("50"), 10, 10, Duration.ofSeconds(30));

    public SopranoConfig {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(webhookSecret, "webhookSecret");
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(openStateWait, "openStateWait");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(healthCacheTtl, "healthCacheTtl");
        if (instance.isBlank() || apiKey.isBlank() || webhookSecret.isBlank()) {
            throw new IllegalArgumentException("instance, apiKey and webhookSecret must not be blank");
        }
        if (retryAttempts < 1 || slidingWindowSize < 1) {
            throw new IllegalArgumentException("retryAttempts and slidingWindowSize must be at least 1");
        }
        if (failureRatePercent <= 0 || failureRatePercent > 100) {
            throw new IllegalArgumentException("failureRatePercent must be in (0, 100]");
        }
        if (minimumNumberOfCalls < 1 || minimumNumberOfCalls > slidingWindowSize) {
            throw new IllegalArgumentException("minimumNumberOfCalls must be from 1 to slidingWindowSize");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        methods = List.copyOf(methods);
        if (methods.isEmpty()) {
            throw new IllegalArgumentException("at least one pay method (e.g. RUB) is required");
        }
    }

    /**
     * An instance with the defaults: connect 2 s, read 5 s, fetch retried 3 times 500 ms apart, the circuit
     * opening at 50 % failures over 10 calls and staying open 30 s, health cached 10 s.
     */
    public static SopranoConfig defaults(String instance, String baseUrl, String apiKey, long merchantId,
            String webhookSecret, List<PayMethod> methods) {
        ResilienceSettings r = BUILT_IN_RESILIENCE;
        return new SopranoConfig(instance, baseUrl, apiKey, merchantId, webhookSecret, r.connectTimeout(),
                r.readTimeout(), r.retryMaxAttempts(), r.retryWait(), r.failureRateThreshold().floatValue(), r.slidingWindow(),
                r.minimumCalls(), r.waitInOpen(), Duration.ofSeconds(10), methods);
    }

    public SopranoConfig withTimeouts(Duration connect, Duration read) {
        return new SopranoConfig(instance, baseUrl, apiKey, merchantId, webhookSecret, connect, read, retryAttempts,
                retryWait, failureRatePercent, slidingWindowSize, minimumNumberOfCalls, openStateWait,
                healthCacheTtl, methods);
    }

    public SopranoConfig withRetry(int attempts, Duration wait) {
        return new SopranoConfig(instance, baseUrl, apiKey, merchantId, webhookSecret, connectTimeout, readTimeout,
                attempts, wait, failureRatePercent, slidingWindowSize, minimumNumberOfCalls, openStateWait,
                healthCacheTtl, methods);
    }

    /** The circuit breaker, judging only once the window is full. */
    public SopranoConfig withCircuitBreaker(float failureRate, int windowSize, Duration openWait) {
        return withCircuitBreaker(failureRate, windowSize, windowSize, openWait);
    }

    public SopranoConfig withCircuitBreaker(float failureRate, int windowSize, int minimumCalls, Duration openWait) {
        return new SopranoConfig(instance, baseUrl, apiKey, merchantId, webhookSecret, connectTimeout, readTimeout,
                retryAttempts, retryWait, failureRate, windowSize, minimumCalls, openWait, healthCacheTtl, methods);
    }

    public SopranoConfig withHealthCacheTtl(Duration ttl) {
        return new SopranoConfig(instance, baseUrl, apiKey, merchantId, webhookSecret, connectTimeout, readTimeout,
                retryAttempts, retryWait, failureRatePercent, slidingWindowSize, minimumNumberOfCalls,
                openStateWait, ttl, methods);
    }

    /** These timeouts, retry and circuit breaker settings. */
    public ResilienceSettings resilience() {
        return new ResilienceSettings(connectTimeout, readTimeout, retryAttempts, retryWait,
                new BigDecimal(Float.toString(failureRatePercent)), slidingWindowSize, minimumNumberOfCalls, openStateWait);
    }

    /** The timeouts, retry and circuit breaker of {@code r}. */
    public SopranoConfig withResilience(ResilienceSettings r) {
        return withTimeouts(r.connectTimeout(), r.readTimeout()).withRetry(r.retryMaxAttempts(), r.retryWait())
                .withCircuitBreaker(r.failureRateThreshold().floatValue(), r.slidingWindow(), r.minimumCalls(), r.waitInOpen());
    }

    /** Without the API key and the webhook secret. */
    @Override
    public String toString() {
        return "SopranoConfig[instance=" + instance + ", baseUrl=" + baseUrl + ", apiKey=***, merchantId="
                + merchantId + ", webhookSecret=***, connectTimeout=" + connectTimeout + ", readTimeout="
                + readTimeout + ", retryAttempts=" + retryAttempts + ", retryWait=" + retryWait
                + ", failureRatePercent=" + failureRatePercent + ", slidingWindowSize=" + slidingWindowSize
                + ", minimumNumberOfCalls=" + minimumNumberOfCalls + ", openStateWait=" + openStateWait
                + ", healthCacheTtl=" + healthCacheTtl + ", methods="
                + methods + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
