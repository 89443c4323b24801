package dev.paymux.exchanger;

import dev.paymux.core.spi.ResilienceSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One exchanger instance's configuration. {@link #toString()} never shows {@code apiKey} or
 * {@code ipnSecret}.
 *
 * @param instance            the operator's name for the instance, e.g. {@code exchanger-kryptoswap}
 * @param baseUrl             the exchanger's API root, below which {@code /public/exchanger/...} lives
 * @param authHeader          the header the default {@link RequestSigner} sets ({@code Authorization})
 * @param apiKey              that header's value (e.g. {@code Bearer <key>}), or null to send no header
 * @param ipnSecret           the {@code ipnSecret} sent with every order and used to verify its IPNs; one
 *                            per instance (see the module README for why not one per order)
 * @param ipnHashField        the IPN form field carrying the sha256 hex (the document leaves it unnamed)
 * @param partner             the exchanger's partner code, or null
 * @param lang                the language of the exchanger's pages ({@code en}, {@code ru}), or null
 * @param hideOutData         asks the exchanger to hide the merchant's pay-out requisites from the customer
 * @param paymentPageTemplate the hosted payment page with {@code {uid}} and {@code {secret}}, e.g.
 *                            {@code https://www.kryptoswap.io/en/payment/{uid}/{secret}}, or null
 * @param connectTimeout      TCP connect timeout
 * @param readTimeout         read timeout of one request
 * @param resilience          retry and circuit-breaker settings
 * @param routes              the directions this instance offers, in order of preference
 */
public record ExchangerConfig(String instance, String baseUrl, String authHeader, String apiKey, String ipnSecret,
        String ipnHashField, String partner, String lang, boolean hideOutData, String paymentPageTemplate,
        Duration connectTimeout, Duration readTimeout, Resilience resilience, List<ExchangerRoute> routes) {

    /** The IPN field name assumed when none is configured. */
    public static final String DEFAULT_HASH_FIELD = "hash";

    /**
     * Timeouts, retry and circuit breaker when neither the instance nor the shared defaults set them:
     * connect 2 s, read 10 s, and {@link Resilience#defaults()}.
     */
    public static final ResilienceSettings BUILT_IN_RESILIENCE = new ResilienceSettings(Duration.ofSeconds(2),
            Duration.ofSeconds(10), 3, Duration.ofMillis(500), new BigDecimal("50"), 10, 5, Duration.ofSeconds(30));

    public ExchangerConfig {
        requireText(instance, "instance");
        requireText(baseUrl, "baseUrl");
        requireText(ipnSecret, "ipnSecret");
        authHeader = authHeader == null || authHeader.isBlank() ? "Authorization" : authHeader;
        ipnHashField = ipnHashField == null || ipnHashField.isBlank() ? DEFAULT_HASH_FIELD : ipnHashField;
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        Objects.requireNonNull(resilience, "resilience");
        routes = List.copyOf(routes == null ? List.of() : routes);
        Set<String> ids = new HashSet<>();
        for (ExchangerRoute route : routes) {
            if (!ids.add(route.routeId())) {
                throw new IllegalArgumentException("route " + route.routeId() + " is configured twice");
            }
        }
    }

    /**
     * Sensible defaults: no API key, IPN hash in {@code hash}, language {@code en}, connect 2 s, read
     * 10 s, {@link Resilience#defaults()}, no payment page template.
     */
    public static ExchangerConfig defaults(String instance, String baseUrl, String ipnSecret,
            List<ExchangerRoute> routes) {
        return new ExchangerConfig(instance, baseUrl, "Authorization", null, ipnSecret, DEFAULT_HASH_FIELD, null, "en",
                false, null, BUILT_IN_RESILIENCE.connectTimeout(), BUILT_IN_RESILIENCE.readTimeout(),
                Resilience.defaults(), routes);
    }

    public ExchangerConfig withApiKey(String header, String key) {
        return new ExchangerConfig(instance, baseUrl, header, key, ipnSecret, ipnHashField, partner, lang, hideOutData,
                paymentPageTemplate, connectTimeout, readTimeout, resilience, routes);
    }

    public ExchangerConfig withTimeouts(Duration connect, Duration read) {
        return new ExchangerConfig(instance, baseUrl, authHeader, apiKey, ipnSecret, ipnHashField, partner, lang,
                hideOutData, paymentPageTemplate, connect, read, resilience, routes);
    }

    public ExchangerConfig withResilience(Resilience newResilience) {
        return new ExchangerConfig(instance, baseUrl, authHeader, apiKey, ipnSecret, ipnHashField, partner, lang,
                hideOutData, paymentPageTemplate, connectTimeout, readTimeout, newResilience, routes);
    }

    /** The timeouts, retry and circuit breaker of {@code r}. */
    public ExchangerConfig withResilience(ResilienceSettings r) {
        return withTimeouts(r.connectTimeout(), r.readTimeout()).withResilience(new Resilience(r.retryMaxAttempts(),
                r.retryWait(), r.failureRateThreshold().floatValue(), r.slidingWindow(), r.minimumCalls(),
                r.waitInOpen()));
    }

    /** These timeouts, retry and circuit breaker settings. */
    public ResilienceSettings resilienceSettings() {
        return new ResilienceSettings(connectTimeout, readTimeout, resilience.retryAttempts(), resilience.retryWait(),
                new BigDecimal(Float.toString(resilience.failureRatePercent())), resilience.slidingWindowSize(),
                resilience.minimumNumberOfCalls(),
                resilience.openStateWait());
    }

    public ExchangerConfig withPaymentPage(String template) {
        return new ExchangerConfig(instance, baseUrl, authHeader, apiKey, ipnSecret, ipnHashField, partner, lang,
                hideOutData, template, connectTimeout, readTimeout, resilience, routes);
    }

    public ExchangerConfig withOrderOptions(String newPartner, String newLang, boolean newHideOutData) {
        return new ExchangerConfig(instance, baseUrl, authHeader, apiKey, ipnSecret, ipnHashField, newPartner, newLang,
                newHideOutData, paymentPageTemplate, connectTimeout, readTimeout, resilience, routes);
    }

    public ExchangerConfig withIpnHashField(String field) {
        return new ExchangerConfig(instance, baseUrl, authHeader, apiKey, ipnSecret, field, partner, lang, hideOutData,
                paymentPageTemplate, connectTimeout, readTimeout, resilience, routes);
    }

    public ExchangerConfig withRoutes(List<ExchangerRoute> newRoutes) {
        return new ExchangerConfig(instance, baseUrl, authHeader, apiKey, ipnSecret, ipnHashField, partner, lang,
                hideOutData, paymentPageTemplate, connectTimeout, readTimeout, resilience, newRoutes);
    }

    @Override
    public String toString() {
        return "ExchangerConfig[instance=" + instance + ", baseUrl=" + baseUrl + ", authHeader=" + authHeader
                + ", apiKey=" + (apiKey == null ? "none" : "***") + ", ipnSecret=***, ipnHashField=" + ipnHashField
                + ", partner=" + partner + ", lang=" + lang + ", hideOutData=" + hideOutData
                + ", paymentPageTemplate=" + paymentPageTemplate + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + ", resilience=" + resilience + ", routes=" + routes + "]";
    }

    /**
     * Retry and circuit-breaker settings of one instance.
     *
     * @param retryAttempts         attempts of a fetch or route refresh (1 = no retry); a create is never
     *                              retried, the exchanger's create not being idempotent
     * @param retryWait             wait between attempts
     * @param failureRatePercent    failure rate (of UNAVAILABLE and MALFORMED outcomes) that opens the circuit
     * @param slidingWindowSize     calls the failure rate is computed over
     * @param minimumNumberOfCalls  calls needed before the rate is computed at all
     * @param openStateWait         how long the circuit stays open before letting a trial call through
     */
    public record Resilience(int retryAttempts, Duration retryWait, float failureRatePercent, int slidingWindowSize,
            int minimumNumberOfCalls, Duration openStateWait) {

        public Resilience {
            if (retryAttempts < 1) {
                throw new IllegalArgumentException("retryAttempts must be at least 1");
            }
            if (retryWait == null || retryWait.isNegative()) {
                throw new IllegalArgumentException("retryWait must not be negative");
            }
            if (failureRatePercent <= 0 || failureRatePercent > 100) {
                throw new IllegalArgumentException("failureRatePercent must be in (0, 100]");
            }
            if (slidingWindowSize < 1 || minimumNumberOfCalls < 1) {
                throw new IllegalArgumentException("slidingWindowSize and minimumNumberOfCalls must be positive");
            }
            requirePositive(openStateWait, "openStateWait");
        }

        /** 3 attempts 500 ms apart; the circuit opens at 50 % failures over 10 calls (5 at least), for 30 s. */
        public static Resilience defaults() {
            ResilienceSettings r = BUILT_IN_RESILIENCE;
            return new Resilience(r.retryMaxAttempts(), r.retryWait(), r.failureRateThreshold().floatValue(),
                    r.slidingWindow(),
                    r.minimumCalls(), r.waitInOpen());
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
