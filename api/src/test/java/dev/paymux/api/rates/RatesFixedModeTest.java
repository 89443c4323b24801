package dev.paymux.api.rates;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** {@code paymux.rates.mode=fixed}: the configured table, no HTTP at all; also the input validation. */
@TestPropertySource(properties = "paymux.rates.mode=fixed")
class RatesFixedModeTest extends RatesHttpTestBase {

    @Test
    void servesTheFixedTableWithoutCallingAnySource() throws Exception {
        Reply reply = ok("");
        clock.advance(Duration.ofHours(2));
        Reply later = ok("");

        for (Reply r : new Reply[] {reply, later}) {
            assertThat(r.data().path("source").asString()).isEqualTo("fixed");
            assertThat(r.data().path("stale").asBoolean()).isFalse();
            assertNumber(r.rate("btc", "usd"), "97500");
            assertNumber(r.rate("btc", "eur"), "91200");
            assertNumber(r.rate("btc", "rub"), "8775000");
            assertNumber(r.rate("eth", "rub"), "288000");
            assertNumber(r.rate("usdt", "usd"), "1.0001");
            assertNumber(r.rate("usdt", "eur"), "0.935");
        }
        assertThat(COINBASE.getAllServeEvents()).isEmpty();
        assertThat(KRAKEN.getAllServeEvents()).isEmpty();
    }

    @Test
    void convertsTheSeedsExample() throws Exception {
        Reply reply = ok("amount=5000&fiat=RUB&crypto=USDT_TRC20");

        assertThat(reply.raw()).contains("\"converted\":55.24");
        assertNumber(reply.rate("usdt", "rub"), "90.5");
        assertThat(COINBASE.getAllServeEvents()).isEmpty();
        assertThat(KRAKEN.getAllServeEvents()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            amount=abc&fiat=RUB&crypto=USDT_TRC20               | amount must be a positive decimal
            amount=-5&fiat=RUB&crypto=USDT_TRC20                | amount must be a positive decimal
            amount=1e3&fiat=RUB&crypto=USDT_TRC20               | amount must be a positive decimal
            amount=&fiat=RUB&crypto=USDT_TRC20                  | amount must be a positive decimal
            amount=0&fiat=RUB&crypto=USDT_TRC20                 | amount must be greater than zero
            amount=0.00&fiat=RUB&crypto=USDT_TRC20              | amount must be greater than zero
            amount=5000.123&fiat=RUB&crypto=USDT_TRC20          | at most 2 decimals
            amount=1000000000000.01&fiat=RUB&crypto=USDT_TRC20  | must not exceed
            amount=99999999999999999999&fiat=RUB&crypto=BTC     | must not exceed
            amount=5000&fiat=XYZ&crypto=USDT_TRC20              | fiat must be one of USD, EUR, RUB, CNY, GBP
            amount=5000&fiat=RUB&crypto=DOGE                    | crypto must be one of USDT_TRC20, USDT_ERC20, BTC, ETH
            amount=5000&fiat=RUB&crypto=USDT                    | crypto must be one of
            amount=5000&fiat=RUB                                | missing crypto
            fiat=RUB&crypto=USDT_TRC20                          | missing amount
            crypto=BTC                                          | missing amount, fiat
            amount=5000                                         | missing fiat, crypto
            """)
    void badInputIsA400(String query, String message) throws Exception {
        Reply reply = call(query);

        assertThat(reply.status()).as(reply.raw()).isEqualTo(400);
        assertThat(reply.json().path("success").asBoolean()).isFalse();
        assertThat(reply.json().path("error").asString()).contains(message);
        assertThat(reply.json().has("data")).isFalse();
    }

    @Test
    void theEndpointIsInTheOpenApiDocument() throws Exception {
        Reply docs = callPath("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode operation = docs.json().path("paths").path("/api/v1/rates").path("get");
        assertThat(operation.path("tags").toString()).contains("Rates");
        assertThat(operation.path("parameters").toString()).contains("amount", "fiat", "crypto");
    }

    @Test
    void lowerCaseCodesAndTrailingZerosAreAccepted() throws Exception {
        Reply reply = ok("amount=5000.00&fiat=rub&crypto=usdt_trc20");

        assertNumber(reply.data().path("converted"), "55.24");
    }
}
