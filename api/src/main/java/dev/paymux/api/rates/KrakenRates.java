package dev.paymux.api.rates;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Kraken: one ticker call for every pair it lists (USD, EUR and GBP; no RUB or CNY). Kraken answers
 * under its own pair names ({@code XXBTZUSD}, {@code XETHZEUR}, {@code USDTZUSD}, {@code USDTGBP}), so
 * pairs are recognised by base and quote rather than looked up by the names we asked for. The price is
 * the last trade, {@code c[0]}.
 */
@Component
class KrakenRates implements RateSource {

    static final String NAME = "kraken";

    static final String PAIRS = "XBTUSD,XBTEUR,XBTGBP,ETHUSD,ETHEUR,ETHGBP,USDTUSD,USDTEUR,USDTGBP";

    /** Kraken's asset codes, longest first so {@code XXBT} is tried before {@code XBT}. */
    private static final List<Map.Entry<String, String>> BASES = List.of(
            Map.entry("XXBT", "btc"), Map.entry("XBT", "btc"),
            Map.entry("XETH", "eth"), Map.entry("ETH", "eth"),
            Map.entry("USDT", "usdt"));

    private static final Map<String, String> QUOTES = Map.of(
            "ZUSD", "usd", "USD", "usd",
            "ZEUR", "eur", "EUR", "eur",
            "ZGBP", "gbp", "GBP", "gbp");

    record Pair(String coin, String fiat) {
    }

    private final KrakenClient client;
    private final JsonMapper json;

    KrakenRates(KrakenClient client, JsonMapper json) {
        this.client = client;
        this.json = json;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, Map<String, BigDecimal>> fetch() {
        return parse(json, client.ticker(PAIRS));
    }

    static Map<String, Map<String, BigDecimal>> parse(JsonMapper json, String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JacksonException e) {
            throw new RateSourceException("kraken answered with a body that is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new RateSourceException("kraken answered with something other than a JSON object");
        }
        JsonNode errors = root.path("error");
        if (errors.isArray() && !errors.isEmpty()) {
            // Kraken reports failures with HTTP 200 and a non-empty error list.
            throw new RateSourceException("kraken reported " + String.join(", ",
                    StreamSupport.stream(errors.spliterator(), false).map(e -> e.asString("?")).toList()));
        }
        JsonNode result = root.path("result");
        if (!result.isObject()) {
            throw new RateSourceException("kraken answered without a result object");
        }
        Map<String, Map<String, BigDecimal>> rates = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> ticker : result.properties()) {
            Optional<Pair> pair = pair(ticker.getKey());
            Optional<BigDecimal> last = Prices.positive(ticker.getValue().path("c").get(0));
            if (pair.isPresent() && last.isPresent()) {
                rates.computeIfAbsent(pair.get().coin(), c -> new LinkedHashMap<>()).put(pair.get().fiat(), last.get());
            }
        }
        if (rates.isEmpty()) {
            throw new RateSourceException("kraken gave no usable price for the pairs asked");
        }
        return rates;
    }

    /** {@code XXBTZUSD} → btc/usd, {@code USDTEUR} → usdt/eur; anything else is not ours. */
    static Optional<Pair> pair(String krakenName) {
        for (Map.Entry<String, String> base : BASES) {
            if (krakenName.startsWith(base.getKey())) {
                String fiat = QUOTES.get(krakenName.substring(base.getKey().length()));
                if (fiat != null) {
                    return Optional.of(new Pair(base.getValue(), fiat));
                }
            }
        }
        return Optional.empty();
    }
}
