package dev.paymux.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every class of bad input is a 4xx in the seed's error format, and nothing is written. */
class BadInputTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private Merchant merchant;

    @BeforeEach
    void store() {
        merchant = newStore(List.of("USDT_TRC20"), 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "{\"amount\":",
            "[1,2,3]",
            "\"100\"",
            "{}",
            "{\"order_id\":\"X\"}",
            "{\"amount\":\"-5\"}",
            "{\"amount\":\"0\"}",
            "{\"amount\":\"0.00\"}",
            "{\"amount\":\"abc\"}",
            "{\"amount\":\"0.001\"}",
            "{\"amount\":\"10.123\"}",
            "{\"amount\":0.001}",
            "{\"amount\":\"1e-3\"}",
            "{\"amount\":\"\"}",
            "{\"amount\":\" 10\"}",
            "{\"amount\":\"10.1234567\"}",
            "{\"amount\":-1}",
            "{\"amount\":true}",
            "{\"amount\":{\"v\":1}}",
            "{\"amount\":[\"10\"]}",
            "{\"amount\":\"10000000000000\"}",
            "{\"amount\":\"10\",\"order_id\":123}",
            "{\"amount\":\"10\",\"order_id\":\"\"}",
            "{\"amount\":\"10\",\"metadata\":\"text\"}",
            "{\"amount\":\"10\",\"metadata\":[1]}",
            "{\"amount\":\"10\",\"currency\":\"DOGE\"}",
            "{\"amount\":\"10\",\"currency\":\"BTC\"}",
            "{\"fiat_amount\":\"10\",\"fiat_currency\":\"JPY\"}",
            "{\"fiat_amount\":\"10\"}",
            "{\"fiat_currency\":\"USD\"}",
            "{\"fiat_amount\":\"10.001\",\"fiat_currency\":\"USD\"}",
            "{\"fiat_amount\":\"-10\",\"fiat_currency\":\"USD\"}",
            "{\"fiat_amount\":\"10\",\"fiat_currency\":5}",
            "{\"amount\":\"10\",\"amount\":\"20\"}"
    })
    void badCreateBodiesAre400AndWriteNothing(String body) {
        long before = paymentCount();
        Http.Response r = merchant.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("at dev.paymux");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"amount\":\"10\",\"order_id\":\"\\ud800x\"}",
            "{\"amount\":\"10\",\"order_id\":\"x\\udfff\"}",
            "{\"amount\":\"10\",\"order_id\":\"\\udc00\\ud800\"}",
            "{\"amount\":\"10\",\"order_id\":\"a\\u0000b\"}",
            "{\"amount\":\"10\",\"metadata\":{\"k\":\"\\ud800\"}}",
            "{\"amount\":\"10\",\"metadata\":{\"\\ud800\":\"v\"}}",
            "{\"amount\":\"10\",\"metadata\":{\"k\":{\"deep\":[\"ok\",\"\\u0000\"]}}}",
            "{\"amount\":\"10\",\"metadata\":{\"k\\u0000\":1}}",
            "{\"amount\":\"10\",\"colour\":\"\\ud800\"}"
    })
    void invalidUnicodeOrNulInAnyStringIs400AndWritesNothing(String body) {
        long before = paymentCount();
        Http.Response r = merchant.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
        assertThat(r.error()).containsAnyOf("Unicode", "NUL");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @Test
    void aLoneSurrogateOrderIdNeverMatchesAnotherOrdersPayment() {
        Http.Response first = merchant.post("/api/v1/payment/create", "{\"amount\":\"10\",\"order_id\":\"?x\"}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        for (String other : List.of("\\ud800x", "\\udfffx")) {
            Http.Response r = merchant.post("/api/v1/payment/create", "{\"amount\":\"10\",\"order_id\":\"" + other + "\"}");
            assertThat(r.status()).as(other + " -> " + r.body()).isEqualTo(400);
        }
    }

    @Test
    void theNumberAndTheString1e5AreTheSameAmount() {
        Merchant wide = newStore(List.of("USDT_TRC20"), 3);
        Http.Response number = wide.post("/api/v1/payment/create", "{\"amount\":1e5}");
        Http.Response text = wide.post("/api/v1/payment/create", "{\"amount\":\"1e5\"}");
        assertThat(number.status()).as(number.body()).isEqualTo(200);
        assertThat(text.status()).as(text.body()).isEqualTo(200);
        assertThat(new java.math.BigDecimal(number.data().get("amount").asString()).setScale(0, java.math.RoundingMode.DOWN))
                .isEqualByComparingTo("100000");
        assertThat(new java.math.BigDecimal(text.data().get("amount").asString()).setScale(0, java.math.RoundingMode.DOWN))
                .isEqualByComparingTo("100000");
        assertThat(number.data().get("amount").asString()).doesNotContain("E").doesNotContain("e");
        assertThat(text.data().get("amount").asString()).doesNotContain("E").doesNotContain("e");
    }

    @Test
    void donorTextWithInvalidUnicodeOrNulIs400AndWritesNothing() {
        admin().send("PATCH", "/admin/v1/stores/" + merchant.storeId(), "{\"donations_enabled\":true}");
        long before = paymentCount();
        for (String field : List.of("donor_name", "donor_message")) {
            for (String value : List.of("\\ud800x", "a\\u0000b")) {
                Http.Response r = http().postJson("/donate/create", "{\"api_key\":\"" + merchant.apiKey()
                        + "\",\"fiat_amount\":\"10\",\"" + field + "\":\"" + value + "\"}");
                assertThat(r.status()).as(field + "=" + value + " -> " + r.body()).isEqualTo(400);
                assertThat(r.json().get("success").asBoolean()).isFalse();
            }
        }
        assertThat(paymentCount()).isEqualTo(before);
    }

    @Test
    void oversizedBodyIs400AndWritesNothing() {
        long before = paymentCount();
        String big = "{\"amount\":\"10\",\"metadata\":{\"x\":\"" + "a".repeat(70_000) + "\"}}";
        Http.Response r = merchant.post("/api/v1/payment/create", big);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("too large");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @Test
    void unknownFieldsAreIgnored() {
        Http.Response r = merchant.post("/api/v1/payment/create", "{\"amount\":\"10\",\"colour\":\"blue\",\"x\":{\"y\":1}}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void storeWithoutAddressesAnswers422AndWritesNothing() {
        Merchant empty = newStore(List.of("USDT_TRC20"), 0);
        long before = paymentCount();
        Http.Response r = empty.post("/api/v1/payment/create", "{\"amount\":\"10\"}");
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.error()).contains("no receiving address");
        assertThat(paymentCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"page=0", "page=x", "per_page=0", "per_page=101", "per_page=-1", "status=paid",
            "currency=DOGE", "date_from=yesterday", "date_to=2025-13-01",
            "date_from=2025-02-01&date_to=2025-01-01"})
    void badListQueriesAre400(String query) {
        Http.Response r = merchant.get("/api/v1/payments?" + query);
        assertThat(r.status()).as(query + " → " + r.body()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
    }

    @Test
    void unknownPaymentIdIs404NotAnError() {
        assertThat(merchant.get("/api/v1/payment/not-a-uuid").status()).isEqualTo(404);
        assertThat(merchant.get("/api/v1/payment/00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
    }

    @Test
    void unknownApiPathAndWrongMethodAreClear4xx() {
        Http.Response r = merchant.get("/api/v1/nothing-here");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        Http.Response m = merchant.send("DELETE", "/api/v1/payment/create", "");
        assertThat(m.status()).isEqualTo(405);
        assertThat(m.json().get("success").asBoolean()).isFalse();
    }

    private long paymentCount() {
        return jdbc.sql("select count(*) from payments").query(Long.class).single()
                + jdbc.sql("select count(*) from payment_events").query(Long.class).single();
    }
}
