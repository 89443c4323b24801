package dev.paymux.api.rates;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paymux.rates.*}. The source URLs under {@code sources.*} are read by the Feign client
 * configuration ({@code spring.cloud.openfeign.client.config.<source>.url}), not here.
 *
 * @param mode               where rates come from
 * @param cacheTtl           how long a merged live table is served before the sources are asked again
 * @param maxStale           how old the last good live table may get and still be served when every source fails
 * @param retryAfterFailure  after a refresh in which every source failed, how long to serve the fallback
 *                           before asking the sources again (so an outage is not hammered by every request)
 * @param fixed              the configured table: coin ticker → fiat key → price
 */
@ConfigurationProperties("paymux.rates")
record RatesProperties(
        @DefaultValue("live-then-fixed") Mode mode,
        @DefaultValue("5m") Duration cacheTtl,
        @DefaultValue("1h") Duration maxStale,
        @DefaultValue("30s") Duration retryAfterFailure,
        Map<String, Map<String, BigDecimal>> fixed) {

    enum Mode {
        /** HTTP sources only; no answer and nothing recent enough is a 503. */
        LIVE,
        /** The fixed table only; no HTTP. */
        FIXED,
        /** HTTP sources, and the fixed table when they fail for longer than {@code max-stale}. */
        LIVE_THEN_FIXED
    }

    RatesProperties {
        fixed = fixed == null ? Map.of() : fixed;
    }
}
