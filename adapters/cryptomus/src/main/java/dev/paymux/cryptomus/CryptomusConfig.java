package dev.paymux.cryptomus;

import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.ResilienceSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One configured Cryptomus instance.
 *
 * @param instance           the operator's name for it, e.g. {@code cryptomus-eu}
 * @param baseUrl            the API root, {@code https://api.cryptomus.com}
 * @param merchantId         the merchant uuid (the {@code merchant} header)
 * @param apiKey             the payment API key: signs requests and verifies callbacks; never logged
 * @param connectTimeout     TCP connect timeout
 * @param readTimeout        read timeout of every call
 * @param retryAttempts      attempts per call (1 = no retry); only unavailability is retried, and a create
 *                           may be, because Cryptomus returns the existing invoice for a known {@code order_id}
 * @param retryWait          wait between attempts
 * @param breakerFailureRate failure rate (percent) that opens the circuit
 * @param breakerWindow      calls in the circuit breaker's sliding window
 * @param breakerMinimumCalls calls before the circuit breaker judges the failure rate (at most the window)
 * @param breakerOpenWait    how long the circuit stays open before letting a trial call through
 * @param assets             the Paymux assets this instance takes and their Cryptomus currency/network
 * @param fiats              the fiat currencies invoices may be denominated in
 * @param paymentDefaults    pass-through invoice parameters applied when a create does not set them
 * @param callbackIps        if not empty, callbacks from other addresses are rejected (Cryptomus documents
 *                           the address its webhooks come from)
 */
public record CryptomusConfig(String instance, String baseUrl, String merchantId, String apiKey,
        Duration connectTimeout, Duration readTimeout, int retryAttempts, Duration retryWait,
        float breakerFailureRate, int breakerWindow, int breakerMinimumCalls, Duration breakerOpenWait,
        List<CryptomusAsset> assets,
        List<CryptomusFiat> fiats, CryptomusPaymentOptions paymentDefaults, Set<String> callbackIps) {

    /** Cryptomus's production API. */
    public static final String DEFAULT_BASE_URL = "https://api.cryptomus.com";

    /**
     * Timeouts, retry and circuit breaker when neither the instance nor the shared defaults set them:
     * connect 2 s, read 10 s, 3 attempts 300 ms apart, the circuit opening at 50 % failures over 10 calls
     * (judged once 10 were made) and staying open 30 s.
     */
    public static final ResilienceSettings BUILT_IN_RESILIENCE = new ResilienceSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(10), 3, Duration.ofMillis(300), new BigDecimal("50"), 10, 10, Duration.ofSeconds(30));

    public CryptomusConfig {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(merchantId, "merchantId");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(breakerOpenWait, "breakerOpenWait");
        if (retryAttempts < 1) {
            throw new IllegalArgumentException("retryAttempts must be at least 1");
        }
        if (breakerWindow < 1) {
            throw new IllegalArgumentException("breakerWindow must be at least 1");
        }
        if (breakerMinimumCalls < 1 || breakerMinimumCalls > breakerWindow) {
            throw new IllegalArgumentException("breakerMinimumCalls must be from 1 to breakerWindow");
        }
        if (!(breakerFailureRate >= 1 && breakerFailureRate <= 100)) {
            throw new IllegalArgumentException("breakerFailureRate must be from 1 to 100");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        assets = List.copyOf(assets);
        fiats = List.copyOf(fiats);
        paymentDefaults = paymentDefaults == null ? CryptomusPaymentOptions.none() : paymentDefaults;
        callbackIps = callbackIps == null ? Set.of() : Set.copyOf(callbackIps);
    }

    /**
     * Sensible defaults: connect 2 s, read 10 s, 3 attempts 300 ms apart, circuit opens at 50 % failures
     * over 10 calls and stays open 30 s; USDT on TRON and Ethereum, BTC and ETH with placeholder limits and
     * a 2 % fee until the first {@link CryptomusProvider#refreshServices()}; USD and EUR invoices from 1 to
     * 100 000; no pass-through parameters; callbacks accepted from any address.
     */
    public static CryptomusConfig defaults(String instance, String baseUrl, String merchantId, String apiKey) {
        FeeSchedule fee = FeeSchedule.percent(new BigDecimal("2"));
        return new CryptomusConfig(instance, baseUrl == null ? DEFAULT_BASE_URL : baseUrl, merchantId, apiKey,
                BUILT_IN_RESILIENCE.connectTimeout(), BUILT_IN_RESILIENCE.readTimeout(),
                BUILT_IN_RESILIENCE.retryMaxAttempts(), BUILT_IN_RESILIENCE.retryWait(),
                BUILT_IN_RESILIENCE.failureRateThreshold().floatValue(), BUILT_IN_RESILIENCE.slidingWindow(),
                BUILT_IN_RESILIENCE.minimumCalls(), BUILT_IN_RESILIENCE.waitInOpen(),
                List.of(new CryptomusAsset("USDT_TRC20", "USDT", "tron", new BigDecimal("1"), new BigDecimal("100000"), fee),
                        new CryptomusAsset("USDT_ERC20", "USDT", "eth", new BigDecimal("1"), new BigDecimal("100000"), fee),
                        new CryptomusAsset("BTC", "BTC", "btc", new BigDecimal("0.001"), new BigDecimal("100"), fee),
                        new CryptomusAsset("ETH", "ETH", "eth", new BigDecimal("0.001"), new BigDecimal("1000"), fee)),
                List.of(new CryptomusFiat("USD", BigDecimal.ONE, new BigDecimal("100000"), fee),
                        new CryptomusFiat("EUR", BigDecimal.ONE, new BigDecimal("100000"), fee)),
                CryptomusPaymentOptions.none(), Set.of());
    }

    public CryptomusConfig withTimeouts(Duration connect, Duration read) {
        return new CryptomusConfig(instance, baseUrl, merchantId, apiKey, connect, read, retryAttempts, retryWait,
                breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerOpenWait, assets, fiats, paymentDefaults,
                callbackIps);
    }

    public CryptomusConfig withRetry(int attempts, Duration wait) {
        return new CryptomusConfig(instance, baseUrl, merchantId, apiKey, connectTimeout, readTimeout, attempts, wait,
                breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerOpenWait, assets, fiats, paymentDefaults,
                callbackIps);
    }

    /** The circuit breaker, judging only once the window is full. */
    public CryptomusConfig withBreaker(float failureRate, int window, Duration openWait) {
        return withBreaker(failureRate, window, window, openWait);
    }

    public CryptomusConfig withBreaker(float failureRate, int window, int minimumCalls, Duration openWait) {
        return new CryptomusConfig(instance, baseUrl, merchantId, apiKey, connectTimeout, readTimeout, retryAttempts,
                retryWait, failureRate, window, minimumCalls, openWait, assets, fiats, paymentDefaults, callbackIps);
    }

    public CryptomusConfig withAssets(List<CryptomusAsset> newAssets, List<CryptomusFiat> newFiats) {
        return new CryptomusConfig(instance, baseUrl, merchantId, apiKey, connectTimeout, readTimeout, retryAttempts,
                retryWait, breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerOpenWait, newAssets, newFiats,
                paymentDefaults, callbackIps);
    }

    public CryptomusConfig withPaymentDefaults(CryptomusPaymentOptions defaults) {
        return new CryptomusConfig(instance, baseUrl, merchantId, apiKey, connectTimeout, readTimeout, retryAttempts,
                retryWait, breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerOpenWait, assets, fiats, defaults,
                callbackIps);
    }

    public CryptomusConfig withCallbackIps(Set<String> ips) {
        return new CryptomusConfig(instance, baseUrl, merchantId, apiKey, connectTimeout, readTimeout, retryAttempts,
                retryWait, breakerFailureRate, breakerWindow, breakerMinimumCalls, breakerOpenWait, assets, fiats,
                paymentDefaults, ips);
    }

    /** These timeouts, retry and circuit breaker settings. */
    public ResilienceSettings resilience() {
        return new ResilienceSettings(connectTimeout, readTimeout, retryAttempts, retryWait,
                new BigDecimal(Float.toString(breakerFailureRate)), breakerWindow, breakerMinimumCalls, breakerOpenWait);
    }

    /** The timeouts, retry and circuit breaker of {@code r}. */
    public CryptomusConfig withResilience(ResilienceSettings r) {
        return withTimeouts(r.connectTimeout(), r.readTimeout()).withRetry(r.retryMaxAttempts(), r.retryWait())
                .withBreaker(r.failureRateThreshold().floatValue(), r.slidingWindow(), r.minimumCalls(), r.waitInOpen());
    }

    /** The configured asset with Paymux code {@code code}, or null. */
    CryptomusAsset asset(String code) {
        return code == null ? null
                : assets.stream().filter(a -> a.asset().equalsIgnoreCase(code)).findFirst().orElse(null);
    }

    /** The configured asset Cryptomus calls ({@code currency}, {@code network}), or null. */
    CryptomusAsset asset(String currency, String network) {
        return currency == null || network == null ? null
                : assets.stream().filter(a -> a.is(currency, network)).findFirst().orElse(null);
    }

    CryptomusFiat fiat(String code) {
        return code == null ? null
                : fiats.stream().filter(f -> f.currency().equalsIgnoreCase(code)).findFirst().orElse(null);
    }

    @Override
    public String toString() {
        return "CryptomusConfig[instance=" + instance + ", baseUrl=" + baseUrl + ", merchantId=" + merchantId
                + ", apiKey=***, connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", retryAttempts=" + retryAttempts + ", retryWait=" + retryWait
                + ", breakerFailureRate=" + breakerFailureRate
                + ", breakerWindow=" + breakerWindow + ", breakerMinimumCalls=" + breakerMinimumCalls
                + ", breakerOpenWait=" + breakerOpenWait + ", assets="
                + assets.stream().map(CryptomusAsset::asset).toList() + "]";
    }
}
