package dev.paymux.api.rates;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The default mode: live sources, then the last good table, then the fixed table. */
class RatesLiveThenFixedTest extends RatesHttpTestBase {

    @Test
    void ratesAreTheMedianOfBothSourcesInTheSeedsShape() throws Exception {
        Reply reply = ok("");

        // Coinbase 97500.50 and Kraken 97499.50 → 97500; RUB and CNY come from Coinbase alone.
        assertNumber(reply.rate("btc", "usd"), "97500");
        assertNumber(reply.rate("btc", "eur"), "91200");
        assertNumber(reply.rate("btc", "rub"), "8775000");
        assertNumber(reply.rate("btc", "cny"), "705000");
        assertNumber(reply.rate("btc", "gbp"), "77000");
        assertNumber(reply.rate("eth", "usd"), "3200");
        assertNumber(reply.rate("eth", "eur"), "2990");
        assertNumber(reply.rate("eth", "rub"), "288000");
        assertNumber(reply.rate("eth", "gbp"), "2530");
        assertNumber(reply.rate("usdt", "usd"), "1.0001");
        assertNumber(reply.rate("usdt", "eur"), "0.935");
        assertNumber(reply.rate("usdt", "rub"), "90.5");
        assertNumber(reply.rate("usdt", "cny"), "7.23");
        assertNumber(reply.rate("usdt", "gbp"), "0.79");
        assertThat(reply.data().path("rates").propertyNames()).containsExactly("btc", "eth", "usdt");
        assertThat(reply.data().path("rates").path("btc").propertyNames())
                .containsExactly("usd", "eur", "rub", "cny", "gbp");
        // Plain notation, as the seed shows it (no 9.75E+4, no trailing zeros).
        assertThat(reply.raw()).contains("\"usd\":97500,").contains("\"rub\":8775000,").contains("\"rub\":90.5,");

        assertThat(reply.data().path("source").asString()).isEqualTo("coinbase+kraken");
        assertThat(reply.data().path("stale").isBoolean()).isTrue();
        assertThat(reply.data().path("stale").asBoolean()).isFalse();
        assertThat(Instant.parse(reply.data().path("as_of").asString())).isNotNull();
        assertThat(reply.data().has("converted")).isFalse();
        assertThat(reply.json().has("error")).isFalse();

        assertThat(coinbaseCalls()).isEqualTo(3);
        assertThat(krakenCalls()).isEqualTo(1);
    }

    @Test
    void convertsTheSeedsExample() throws Exception {
        Reply reply = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertNumber(reply.data().path("converted"), "55.24");
        assertThat(reply.raw()).contains("\"converted\":55.24");
        assertNumber(reply.rate("usdt", "rub"), "90.5");
    }

    @Test
    void smallConversionsStayInPlainNotation() throws Exception {
        // 0.01 USD at 97500 USD/BTC = 0.000000102..., rounded down to 8 decimals.
        Reply reply = ok("amount=0.01&fiat=usd&crypto=btc");

        assertThat(reply.raw()).contains("\"converted\":0.00000010");
    }

    @Test
    void aSecondCallWithinFiveMinutesIsServedFromTheCache() throws Exception {
        Reply first = ok("");
        assertThat(coinbaseCalls()).isEqualTo(3);
        assertThat(krakenCalls()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        Reply cached = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");
        assertThat(coinbaseCalls()).isEqualTo(3);
        assertThat(krakenCalls()).isEqualTo(1);
        assertThat(cached.data().path("as_of").asString()).isEqualTo(first.data().path("as_of").asString());

        clock.advance(Duration.ofSeconds(2));
        Reply refreshed = ok("");
        assertThat(coinbaseCalls()).isEqualTo(6);
        assertThat(krakenCalls()).isEqualTo(2);
        assertThat(refreshed.data().path("stale").asBoolean()).isFalse();
        assertThat(Instant.parse(refreshed.data().path("as_of").asString()))
                .isAfter(Instant.parse(first.data().path("as_of").asString()));
    }

    @Test
    void concurrentCallersShareOneRefresh() throws Exception {
        // Slow sources make the callers overlap; whatever the timing, one refresh must serve them all.
        COINBASE.setGlobalFixedDelay(100);
        KRAKEN.setGlobalFixedDelay(100);
        int callers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                Callable<Reply> call = () -> {
                    start.await();
                    return call("");
                };
                replies.add(pool.submit(call));
            }
            start.countDown();
            for (Future<Reply> reply : replies) {
                assertThat(reply.get().status()).isEqualTo(200);
                assertThat(reply.get().data().path("source").asString()).isEqualTo("coinbase+kraken");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(coinbaseCalls()).isEqualTo(3);
        assertThat(krakenCalls()).isEqualTo(1);
    }

    @Test
    void krakenServerErrorLeavesCoinbasePricing() throws Exception {
        KRAKEN.stubFor(get(urlPathEqualTo("/0/public/Ticker")).atPriority(1).willReturn(serverError()));

        Reply reply = ok("");

        assertThat(reply.data().path("source").asString()).isEqualTo("coinbase");
        assertNumber(reply.rate("btc", "usd"), "97500.5");
        assertNumber(reply.rate("btc", "rub"), "8775000");
        assertThat(reply.data().path("stale").asBoolean()).isFalse();
        assertThat(krakenCalls()).as("retried once, then given up").isEqualTo(2);
    }

    @Test
    void krakenMalformedJsonLeavesCoinbasePricing() throws Exception {
        KRAKEN.stubFor(get(urlPathEqualTo("/0/public/Ticker")).atPriority(1)
                .willReturn(okJson("{\"error\":[],\"result\":{\"XXBTZUSD\":{\"c\":[\"97499.5")));

        Reply reply = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertThat(reply.data().path("source").asString()).isEqualTo("coinbase");
        assertNumber(reply.rate("btc", "usd"), "97500.5");
        assertNumber(reply.data().path("converted"), "55.24");
    }

    @Test
    void krakenErrorListLeavesCoinbasePricing() throws Exception {
        // Kraken reports its own failures with HTTP 200 and a non-empty error list.
        KRAKEN.stubFor(get(urlPathEqualTo("/0/public/Ticker")).atPriority(1)
                .willReturn(okJson("{\"error\":[\"EService:Unavailable\"]}")));

        Reply reply = ok("");

        assertThat(reply.data().path("source").asString()).isEqualTo("coinbase");
        assertNumber(reply.rate("eth", "usd"), "3200.1");
    }

    @Test
    void coinbaseTimeoutLeavesKrakenPricing() throws Exception {
        COINBASE.stubFor(get(urlPathEqualTo("/v2/exchange-rates")).atPriority(1)
                .willReturn(okJson("{}").withFixedDelay(3_000)));

        Reply reply = ok("amount=100&fiat=USD&crypto=ETH");

        assertThat(reply.data().path("source").asString()).isEqualTo("kraken");
        assertNumber(reply.rate("btc", "usd"), "97499.5");
        assertNumber(reply.rate("usdt", "usd"), "1");
        // Kraken lists no RUB or CNY pairs.
        assertThat(reply.data().path("rates").path("btc").has("rub")).isFalse();
        assertThat(reply.data().path("rates").path("btc").has("cny")).isFalse();
        assertNumber(reply.data().path("converted"), "0.03125097");
    }

    @Test
    void oneFailedCoinbaseCallFailsCoinbaseForThatRefresh() throws Exception {
        COINBASE.stubFor(get(urlPathEqualTo("/v2/exchange-rates")).withQueryParam("currency", equalTo("ETH"))
                .atPriority(1).willReturn(aResponse().withStatus(503).withBody("upstream busy")));

        Reply reply = ok("");

        assertThat(reply.data().path("source").asString()).isEqualTo("kraken");
        assertNumber(reply.rate("btc", "usd"), "97499.5");
    }

    @Test
    void anOpenCircuitSkipsTheSourceWithoutCallingIt() throws Exception {
        breakers.circuitBreaker("kraken").transitionToOpenState();

        Reply reply = ok("");

        assertThat(reply.data().path("source").asString()).isEqualTo("coinbase");
        assertThat(krakenCalls()).isZero();
    }

    @Test
    void whenEverySourceFailsTheLastGoodTableIsServedAsStale() throws Exception {
        Reply good = ok("");
        failEverySource();

        clock.advance(Duration.ofMinutes(6));
        Reply stale = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertThat(stale.data().path("stale").asBoolean()).isTrue();
        assertThat(stale.data().path("source").asString()).isEqualTo("coinbase+kraken");
        assertThat(stale.data().path("as_of").asString()).isEqualTo(good.data().path("as_of").asString());
        assertThat(stale.data().path("rates")).isEqualTo(good.data().path("rates"));
        assertNumber(stale.data().path("converted"), "55.24");
        assertThat(coinbaseCalls()).as("the refresh was tried").isGreaterThan(3);
    }

    @Test
    void aFailedRefreshIsNotRepeatedByEveryCaller() throws Exception {
        ok("");
        failEverySource();
        clock.advance(Duration.ofMinutes(6));
        ok("");
        int coinbaseAfterFailure = coinbaseCalls();
        int krakenAfterFailure = krakenCalls();

        ok("");
        ok("");
        assertThat(coinbaseCalls()).isEqualTo(coinbaseAfterFailure);
        assertThat(krakenCalls()).isEqualTo(krakenAfterFailure);

        clock.advance(Duration.ofSeconds(31));
        ok("");
        assertThat(coinbaseCalls()).isGreaterThan(coinbaseAfterFailure);
        assertThat(krakenCalls()).isGreaterThan(krakenAfterFailure);
    }

    @Test
    void beyondMaxStaleTheFixedTableIsServed() throws Exception {
        ok("");
        failEverySource();

        clock.advance(Duration.ofMinutes(61));
        Reply fixed = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertThat(fixed.data().path("source").asString()).isEqualTo("fixed");
        assertThat(fixed.data().path("stale").asBoolean()).isFalse();
        assertNumber(fixed.rate("btc", "usd"), "97500");
        assertNumber(fixed.rate("usdt", "rub"), "90.5");
        assertNumber(fixed.data().path("converted"), "55.24");
    }

    @Test
    void withNoLiveAnswerYetTheFixedTableIsServed() throws Exception {
        failEverySource();

        Reply fixed = ok("");

        assertThat(fixed.data().path("source").asString()).isEqualTo("fixed");
        assertThat(fixed.data().path("stale").asBoolean()).isFalse();
    }

    private static void failEverySource() {
        COINBASE.stubFor(get(urlPathEqualTo("/v2/exchange-rates")).atPriority(1).willReturn(serverError()));
        KRAKEN.stubFor(get(urlPathEqualTo("/0/public/Ticker")).atPriority(1).willReturn(serverError()));
    }
}
