package dev.paymux.api.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/** The sources' documented shapes and the merge, without HTTP. */
class RatesParsingTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({
            "XXBTZUSD, btc, usd", "XXBTZEUR, btc, eur", "XXBTZGBP, btc, gbp", "XBTUSD, btc, usd",
            "XETHZUSD, eth, usd", "XETHZEUR, eth, eur", "ETHGBP, eth, gbp",
            "USDTZUSD, usdt, usd", "USDTEUR, usdt, eur", "USDTGBP, usdt, gbp"})
    void krakenPairNamesAreRecognisedByBaseAndQuote(String name, String coin, String fiat) {
        assertThat(KrakenRates.pair(name)).contains(new KrakenRates.Pair(coin, fiat));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XXRPZUSD", "XXBTZJPY", "XXBTXETH", "USDCUSD", "XBT", ""})
    void otherKrakenPairsAreIgnored(String name) {
        assertThat(KrakenRates.pair(name)).isEmpty();
    }

    @Test
    void krakenUsesTheLastTradePrice() {
        Map<String, Map<String, BigDecimal>> rates = KrakenRates.parse(JSON, """
                {"error":[],"result":{
                  "XXBTZUSD":{"a":["97510.00000","1","1.000"],"b":["97490.00000","1","1.000"],"c":["97500.10000","0.001"]},
                  "USDTZUSD":{"c":["1.00010000","10"]},
                  "XXRPZUSD":{"c":["2.5","10"]}}}""");

        assertThat(rates).containsOnlyKeys("btc", "usdt");
        assertThat(rates.get("btc").get("usd")).isEqualByComparingTo("97500.1");
        assertThat(rates.get("usdt").get("usd")).isEqualByComparingTo("1.0001");
    }

    @Test
    void aKrakenErrorListIsAFailure() {
        assertThatThrownBy(() -> KrakenRates.parse(JSON, "{\"error\":[\"EQuery:Unknown asset pair\"],\"result\":{}}"))
                .isInstanceOf(RateSourceException.class).hasMessageContaining("EQuery:Unknown asset pair");
    }

    @Test
    void coinbasePricesAreReadFromDecimalStrings() {
        Map<String, BigDecimal> rates = CoinbaseRates.parse(JSON, "btc", """
                {"data":{"currency":"BTC","rates":{"USD":"97500.12","EUR":"91200","RUB":"-1","CNY":"x","JPY":"1"}}}""");

        assertThat(rates).containsOnlyKeys("usd", "eur");
        assertThat(rates.get("usd")).isEqualTo(new BigDecimal("97500.12"));
    }

    @Test
    void coinbaseAnsweringForAnotherCoinIsAFailure() {
        assertThatThrownBy(() -> CoinbaseRates.parse(JSON, "btc", "{\"data\":{\"currency\":\"ETH\",\"rates\":{\"USD\":\"3200\"}}}"))
                .isInstanceOf(RateSourceException.class);
        assertThatThrownBy(() -> CoinbaseRates.parse(JSON, "btc", "<html>"))
                .isInstanceOf(RateSourceException.class);
        assertThatThrownBy(() -> CoinbaseRates.parse(JSON, "btc", "{\"errors\":[{\"id\":\"not_found\"}]}"))
                .isInstanceOf(RateSourceException.class);
    }

    @Test
    void mergeTakesTheMedianPerPairAndNamesTheSources() {
        RateMerger.Merged merged = RateMerger.merge(List.of(
                new SourceResult.Priced("kraken", Map.of("btc", Map.of("usd", new BigDecimal("97499.50000")))),
                new SourceResult.Priced("coinbase", Map.of("btc", Map.of("usd", new BigDecimal("97500.50"),
                        "rub", new BigDecimal("8775000.00")))),
                new SourceResult.Priced("third", Map.of("btc", Map.of("usd", new BigDecimal("90000"))))))
                .orElseThrow();

        assertThat(merged.source()).isEqualTo("coinbase+kraken+third");
        assertThat(merged.rates().get("btc").get("usd")).isEqualTo(new BigDecimal("97499.5"));
        assertThat(merged.rates().get("btc").get("rub").toPlainString()).isEqualTo("8775000");
        assertThat(RateMerger.median(List.of(new BigDecimal("1.0002"), new BigDecimal("1.0000"))))
                .isEqualTo(new BigDecimal("1.0001"));
        assertThat(RateMerger.merge(List.of())).isEmpty();
    }
}
