package dev.paymux.api.rates;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.Times;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.rates.RateTable;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The seed's {@code data} of {@code GET /api/v1/rates}: {@code rates} (coin → fiat → price, JSON numbers)
 * and {@code converted} when a conversion was asked; plus where the prices came from and how fresh they are.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RatesView(
        Map<String, Map<String, BigDecimal>> rates,
        BigDecimal converted,
        String source,
        @JsonProperty("as_of") String asOf,
        boolean stale) {

    static RatesView of(RateTable table, BigDecimal converted) {
        return new RatesView(ordered(table.rates()), converted, table.source(), Times.iso(table.asOf()), table.stale());
    }

    /** Coins alphabetically (btc, eth, usdt), fiats in the seed's order (usd, eur, rub, ...). */
    private static Map<String, Map<String, BigDecimal>> ordered(Map<String, Map<String, BigDecimal>> rates) {
        Map<String, Map<String, BigDecimal>> coins = new TreeMap<>();
        rates.forEach((coin, byFiat) -> {
            Map<String, BigDecimal> fiats = new LinkedHashMap<>();
            for (Fiat fiat : Fiat.values()) {
                BigDecimal price = byFiat.get(fiat.key());
                if (price != null) {
                    fiats.put(fiat.key(), Prices.plain(price));
                }
            }
            new TreeMap<>(byFiat).forEach((key, price) -> fiats.putIfAbsent(key, Prices.plain(price)));
            coins.put(coin, fiats);
        });
        return coins;
    }
}
