package dev.paymux.api.rates;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.serverError;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code paymux.rates.mode=live}: no fixed table to fall back on, so a long outage is a clear 503. */
@TestPropertySource(properties = "paymux.rates.mode=live")
class RatesLiveModeTest extends RatesHttpTestBase {

    @Test
    void liveRatesAreServed() throws Exception {
        Reply reply = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertThat(reply.data().path("source").asString()).isEqualTo("coinbase+kraken");
        assertNumber(reply.data().path("converted"), "55.24");
    }

    @Test
    void withinMaxStaleTheLastGoodTableIsServedAsStale() throws Exception {
        ok("");
        failEverySource();

        clock.advance(Duration.ofMinutes(59));
        Reply stale = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertThat(stale.data().path("stale").asBoolean()).isTrue();
        assertNumber(stale.data().path("converted"), "55.24");
    }

    @Test
    void beyondMaxStaleAConversionIsRefusedWith503() throws Exception {
        ok("");
        failEverySource();

        clock.advance(Duration.ofMinutes(61));
        Reply conversion = call("amount=5000&fiat=RUB&crypto=USDT_TRC20");
        Reply table = call("");

        for (Reply reply : new Reply[] {conversion, table}) {
            assertThat(reply.status()).as(reply.raw()).isEqualTo(503);
            assertThat(reply.json().path("success").asBoolean()).isFalse();
            assertThat(reply.json().path("error").asString()).startsWith("exchange rates are unavailable");
            assertThat(reply.json().has("data")).isFalse();
        }
    }

    @Test
    void withNoLiveAnswerYetTheRatesAreUnavailable() throws Exception {
        failEverySource();

        Reply reply = call("");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().path("success").asBoolean()).isFalse();
    }

    @Test
    void badInputIsA400EvenWhileTheSourcesAreDown() throws Exception {
        failEverySource();

        Reply reply = call("amount=5000&fiat=RUB&crypto=DOGE");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("success").asBoolean()).isFalse();
        assertThat(coinbaseCalls()).isZero();
    }

    private static void failEverySource() {
        COINBASE.stubFor(get(urlPathEqualTo("/v2/exchange-rates")).atPriority(1).willReturn(serverError()));
        KRAKEN.stubFor(get(urlPathEqualTo("/0/public/Ticker")).atPriority(1).willReturn(serverError()));
    }
}
