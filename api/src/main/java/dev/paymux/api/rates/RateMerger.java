package dev.paymux.api.rates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges what the sources priced into one table, pair by pair: the median of the sources that have the
 * pair (with two sources, their mean), so a pair only one source lists (RUB, CNY from Coinbase) is still
 * priced. The label names every source that priced at least one pair, e.g. {@code coinbase+kraken}.
 */
final class RateMerger {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    record Merged(Map<String, Map<String, BigDecimal>> rates, String source) {
    }

    private RateMerger() {
    }

    static Optional<Merged> merge(List<SourceResult.Priced> priced) {
        Map<String, Map<String, List<BigDecimal>>> quotes = new TreeMap<>();
        TreeSet<String> contributors = new TreeSet<>();
        for (SourceResult.Priced result : priced) {
            result.rates().forEach((coin, byFiat) -> byFiat.forEach((fiat, price) -> {
                if (price != null && price.signum() > 0) {
                    quotes.computeIfAbsent(coin, c -> new TreeMap<>()).computeIfAbsent(fiat, f -> new ArrayList<>())
                            .add(price);
                    contributors.add(result.source());
                }
            }));
        }
        if (quotes.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Map<String, BigDecimal>> rates = new TreeMap<>();
        quotes.forEach((coin, byFiat) -> byFiat.forEach((fiat, prices) ->
                rates.computeIfAbsent(coin, c -> new TreeMap<>()).put(fiat, median(prices))));
        return Optional.of(new Merged(rates, String.join("+", contributors)));
    }

    /** Exact in BigDecimal: halving a sum always terminates, so no rounding is needed. */
    static BigDecimal median(List<BigDecimal> prices) {
        List<BigDecimal> sorted = prices.stream().sorted().toList();
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(TWO);
        return Prices.plain(median);
    }
}
