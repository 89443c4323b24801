package dev.paymux.core.rates;

import dev.paymux.core.money.Fiat;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Prices of coins in fiat: {@code rates.get("btc").get("usd")} is how many US dollars one bitcoin costs.
 *
 * @param source   which source priced the table (e.g. {@code coinbase+kraken}, {@code fixed})
 * @param asOf     when the source's numbers were taken
 * @param stale    true when the live sources failed and this is the last good table
 */
public record RateTable(Map<String, Map<String, BigDecimal>> rates, String source, Instant asOf, boolean stale) {

    public RateTable {
        Map<String, Map<String, BigDecimal>> copy = new TreeMap<>();
        rates.forEach((coin, byFiat) -> copy.put(coin, Map.copyOf(new TreeMap<>(byFiat))));
        rates = Map.copyOf(copy);
    }

    public Optional<BigDecimal> rate(String ticker, Fiat fiat) {
        return Optional.ofNullable(rates.get(ticker)).map(m -> m.get(fiat.key())).filter(r -> r.signum() > 0);
    }

    public RateTable asStale() {
        return new RateTable(rates, source, asOf, true);
    }
}
