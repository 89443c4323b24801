package dev.paymux.api.rates;

import java.math.BigDecimal;
import java.util.Map;

/** What one source answered in one refresh: prices, or why it could not give any. */
sealed interface SourceResult {

    String source();

    record Priced(String source, Map<String, Map<String, BigDecimal>> rates) implements SourceResult {
        public Priced {
            rates = Map.copyOf(rates);
        }
    }

    record Failed(String source, String reason) implements SourceResult {
    }
}
