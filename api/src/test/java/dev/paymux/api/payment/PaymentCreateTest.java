package dev.paymux.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PaymentCreateTest extends ApiTest {

    @org.springframework.beans.factory.annotation.Autowired
    dev.paymux.core.payment.PaymentService paymentService;


    @Test
    void singleCurrencyStoreCreatesAPendingPaymentAtOnce() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Instant before = clock.instant();
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"100.00\",\"order_id\":\"ORDER-1\"}");

        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.data();
        assertThat(r.json().get("success").asBoolean()).isTrue();
        assertThat(d.get("payment_id").asString()).hasSize(36);
        assertThat(d.get("amount").isString()).isTrue();
        assertThat(d.get("amount").asString()).isEqualTo("100.01");
        assertThat(d.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(d.get("pay_address").asString()).startsWith("T");
        assertThat(d.get("status").asString()).isEqualTo("pending");
        Instant expires = Instant.parse(d.get("expires_at").asString());
        assertThat(expires).isBetween(before.plus(Duration.ofMinutes(30)).minusSeconds(2),
                before.plus(Duration.ofMinutes(30)).plusSeconds(5));
        assertThat(d.get("payment_url").asString())
                .isEqualTo("https://pay.example.test/pay/" + d.get("payment_id").asString());
    }

    @Test
    void statusHasTheSeedShapeAndReturnsMetadata() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String id = m.post("/api/v1/payment/create",
                "{\"amount\":\"25\",\"order_id\":\"A-7\",\"metadata\":{\"user_id\":42,\"tags\":[\"x\"],\"b\":1.50}}")
                .data().get("payment_id").asString();

        Http.Response r = m.get("/api/v1/payment/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.data();
        assertThat(d.get("payment_id").asString()).isEqualTo(id);
        assertThat(d.get("order_id").asString()).isEqualTo("A-7");
        assertThat(d.get("status").asString()).isEqualTo("pending");
        assertThat(d.get("amount_requested").decimalValue()).isEqualByComparingTo("25");
        assertThat(d.get("amount_with_cents").isNumber()).isTrue();
        assertThat(d.get("amount_with_cents").decimalValue()).isEqualByComparingTo("25.01");
        assertThat(d.get("amount_received").decimalValue()).isEqualByComparingTo("0");
        assertThat(d.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(d.has("tx_hash")).isTrue();
        assertThat(d.get("confirmations").asInt()).isZero();
        assertThat(d.has("confirmed_at")).isTrue();
        assertThat(d.get("created_at").asString()).endsWith("Z");
        assertThat(d.get("metadata").toString()).isEqualTo("{\"user_id\":42,\"tags\":[\"x\"],\"b\":1.50}");
    }

    @Test
    void fiatAmountIsConvertedAtTheCurrentRateAndRoundedUp() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        // Fixed table: usdt.rub = 90.5; 5000 / 90.5 = 55.2486… → 55.25 (never less than asked), + offset 0.01.
        Http.Response r = m.post("/api/v1/payment/create",
                "{\"amount\":\"1\",\"fiat_amount\":\"5000\",\"fiat_currency\":\"RUB\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("amount").asString()).isEqualTo("55.26");

        JsonNode status = m.get("/api/v1/payment/" + r.data().get("payment_id").asString()).data();
        assertThat(status.get("amount_requested").decimalValue()).isEqualByComparingTo("55.25");
        assertThat(status.get("fiat_amount").decimalValue()).isEqualByComparingTo("5000");
        assertThat(status.get("fiat_currency").asString()).isEqualTo("RUB");
    }

    @Test
    void numericAmountsAreAcceptedAsTheWidgetSendsThem() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":100.00,\"order_id\":\"W-1\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("amount").asString()).isEqualTo("100.01");
    }

    @Test
    void sameOrderIdReturnsTheSamePayment() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String body = "{\"amount\":\"10\",\"order_id\":\"ORDER-IDEMP\"}";
        JsonNode first = m.post("/api/v1/payment/create", body).data();
        JsonNode second = m.post("/api/v1/payment/create", body).data();
        assertThat(second.get("payment_id").asString()).isEqualTo(first.get("payment_id").asString());
        assertThat(second.get("amount").asString()).isEqualTo(first.get("amount").asString());
        assertThat(m.get("/api/v1/payments").data().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void orderIdsAreScopedToTheStore() {
        Merchant a = newStore(List.of("USDT_TRC20"), 1);
        Merchant b = newStore(List.of("USDT_TRC20"), 1);
        String body = "{\"amount\":\"10\",\"order_id\":\"SHARED\"}";
        assertThat(a.post("/api/v1/payment/create", body).data().get("payment_id").asString())
                .isNotEqualTo(b.post("/api/v1/payment/create", body).data().get("payment_id").asString());
    }

    @Test
    void storeWithSeveralAssetsAsksTheCustomerToChoose() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC", "ETH"), 1);
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"100\",\"order_id\":\"SEL-1\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode d = r.data();
        assertThat(d.has("payment_id")).isTrue();
        assertThat(d.get("payment_id").isNull()).isTrue();
        assertThat(d.get("status").asString()).isEqualTo("selecting");
        assertThat(d.get("amount").decimalValue()).isEqualByComparingTo("100");
        assertThat(d.get("currencies").toString()).isEqualTo("[\"USDT_TRC20\",\"BTC\",\"ETH\"]");
        String url = d.get("payment_url").asString();
        assertThat(url).startsWith("https://pay.example.test/pay/select?token=");
        String token = url.substring(url.indexOf("token=") + 6);

        // The token resolves to the pending choice with the exact amount per asset.
        Http.Response selection = http().get("/api/v1/selection/" + token);
        assertThat(selection.status()).as(selection.body()).isEqualTo(200);
        JsonNode options = selection.data().get("currencies");
        assertThat(options).hasSize(3);
        assertThat(options.get(0).get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(options.get(0).get("amount").asString()).isEqualTo("100.00");
        // Fixed table btc.usd = 97500: 100 / 97500 = 0.00102564… → 0.00102565 (rounded up).
        assertThat(options.get(1).get("amount").asString()).isEqualTo("0.00102565");

        // Choosing creates the payment; a second choice returns the same one.
        Http.Response chosen = http().postJson("/api/v1/selection/" + token, "{\"currency\":\"BTC\"}");
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        String paymentId = chosen.data().get("payment_id").asString();
        assertThat(chosen.data().get("status").asString()).isEqualTo("pending");
        assertThat(chosen.data().get("amount_to_pay").asString()).isEqualTo("0.00102566");
        Http.Response again = http().postJson("/api/v1/selection/" + token, "{\"currency\":\"ETH\"}");
        assertThat(again.data().get("payment_id").asString()).isEqualTo(paymentId);
        assertThat(again.data().get("currency").asString()).isEqualTo("BTC");

        JsonNode status = m.get("/api/v1/payment/" + paymentId).data();
        assertThat(status.get("currency").asString()).isEqualTo("BTC");
        assertThat(status.get("order_id").asString()).isEqualTo("SEL-1");
        // The same order id now answers with the chosen payment.
        JsonNode repeat = m.post("/api/v1/payment/create", "{\"amount\":\"100\",\"order_id\":\"SEL-1\"}").data();
        assertThat(repeat.get("payment_id").asString()).isEqualTo(paymentId);
    }

    @Test
    void merchantMayNameTheAssetAndSkipTheChoice() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"0.005\",\"currency\":\"BTC\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("status").asString()).isEqualTo("pending");
        assertThat(r.data().get("amount").asString()).isEqualTo("0.00500001");
    }

    @Test
    void expiredSelectionTokenCannotBeChosen() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String url = m.post("/api/v1/payment/create", "{\"amount\":\"10\"}").data().get("payment_url").asString();
        String token = url.substring(url.indexOf("token=") + 6);
        clock.advance(Duration.ofMinutes(31));
        Http.Response r = http().postJson("/api/v1/selection/" + token, "{\"currency\":\"BTC\"}");
        assertThat(r.status()).isEqualTo(410);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        // Once swept, the token shows an expired selection: no payment was made, nothing to pay.
        paymentService.expireDue();
        JsonNode expired = http().get("/api/v1/selection/" + token).data();
        assertThat(expired.get("status").asString()).isEqualTo("expired");
        assertThat(expired.get("payment_url").isNull()).isTrue();
        assertThat(expired.get("payment_id").isNull()).isTrue();
        assertThat(expired.get("currencies")).isEmpty();
    }

    @Test
    void unknownSelectionTokenIs404() {
        Http.Response r = http().get("/api/v1/selection/nope");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("success").asBoolean()).isFalse();
    }
}
