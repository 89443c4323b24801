package dev.paymux.api.rates;

import dev.paymux.core.money.Fiat;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Coinbase: one call per coin, each giving that coin's price in every fiat we know (RUB and CNY
 * included, which Kraken does not list). A failed or unusable call fails the whole source for this
 * refresh; a table with one coin missing would only look complete.
 */
@Component
class CoinbaseRates implements RateSource {

    static final String NAME = "coinbase";

    private final CoinbaseClient client;
    private final JsonMapper json;

    CoinbaseRates(CoinbaseClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Map<String, BigDecimal>> fetch() {
        Map<String, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
        for (String coin : Prices.COINS) {
            rates.put(coin, parse(json, coin, client.exchangeRates(coin.toUpperCase(Locale.ROOT))));
        }
        return rates;
    }

    /** {@code {"data":{"currency":"BTC","rates":{"USD":"97500.12",...}}}} → fiat key → price. */
    static Map<String, BigDecimal> parse(JsonMapper json, String coin, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new RateSourceException("coinbase answered " + coin + " with a body that is not JSON");
        }
        JsonNode data = root == null ? null : root.path("data");
        if (data == null || !data.isObject() || !data.path("rates").isObject()) {
            throw new RateSourceException("coinbase answered " + coin + " without data.rates");
        }
        String currency = data.path("currency").asString("");
        if (!currency.isEmpty() && !currency.equalsIgnoreCase(coin)) {
            // A proxy or a caching layer mixing up answers must not price BTC with ETH's numbers.
            throw new RateSourceException("coinbase answered " + currency + " when asked for " + coin);
        }
        JsonNode byCurrency = data.path("rates");
        Map<String, BigDecimal> prices = new LinkedHashMap<>();
        for (Fiat fiat : Fiat.values()) {
            Prices.positive(byCurrency.get(fiat.name())).ifPresent(price -> prices.put(fiat.key(), price));
        }
        if (prices.isEmpty()) {
            throw new RateSourceException("coinbase gave no usable fiat price for " + coin);
        }
        return prices;
    }
}
