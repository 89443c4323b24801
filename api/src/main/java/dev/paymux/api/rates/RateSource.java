package dev.paymux.api.rates;

import java.math.BigDecimal;
import java.util.Map;

/**
 * One live price source. {@link #fetch()} is the bare call: it returns prices (coin ticker → fiat key →
 * price) or throws. {@link GuardedSource} adds retries and a circuit breaker and turns every throw into
 * a {@link SourceResult.Failed}, so callers never see a source's exception.
 */
interface RateSource {

    /** Also the name of the source's Feign client, circuit breaker and retry instance. */
    String name();

    Map<String, Map<String, BigDecimal>> fetch();
}
