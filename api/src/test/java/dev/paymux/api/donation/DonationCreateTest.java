package dev.paymux.api.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /donate/create}: public, keyed by the store's API key, a payment marked as a donation. */
class DonationCreateTest extends DonationApiTest {

    @Test
    void aFiatDonationIsAPendingPaymentWithAnAddressInTheSeedsSingleCurrencyShape() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        enableDonations(m);
        JsonNode d = donated(m, "\"fiat_amount\":\"10\",\"currency\":\"USDT_TRC20\",\"donor_name\":\"Ana\","
                + "\"donor_message\":\"Keep it up!\\nThanks\"");

        assertThat(d.propertyNames()).containsExactlyInAnyOrder("payment_id", "amount", "currency", "pay_address",
                "status", "expires_at", "payment_url");
        assertThat(d.get("status").asString()).isEqualTo("pending");
        assertThat(d.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(d.get("amount").isString()).isTrue();
        assertThat(new java.math.BigDecimal(d.get("amount").asString())).isBetween(new java.math.BigDecimal("10.00"),
                new java.math.BigDecimal("10.03"));
        assertThat(d.get("pay_address").asString()).startsWith("T");
        String id = d.get("payment_id").asString();
        assertThat(d.get("payment_url").asString()).isEqualTo("https://pay.example.test/pay/" + id);
        assertThat(d.get("expires_at").asString()).endsWith("Z");

        JsonNode s = payment(m, id);
        assertThat(s.get("donation").asBoolean()).isTrue();
        assertThat(s.get("donor_name").asString()).isEqualTo("Ana");
        assertThat(s.get("donor_message").asString()).isEqualTo("Keep it up!\nThanks");
        assertThat(s.get("status").asString()).isEqualTo("pending");
        assertThat(s.get("fiat_amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(s.get("fiat_currency").asString()).isEqualTo("USD");
        assertThat(s.get("order_id").isNull()).isTrue();
        assertThat(s.get("pay_address").asString()).isEqualTo(d.get("pay_address").asString());
    }

    @Test
    void aCryptoAmountDonationIsTakenAsIsAndTheDonorMayStayAnonymous() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        enableDonations(m);
        JsonNode d = donated(m, "\"amount\":\"0.0005\",\"currency\":\"BTC\"");
        assertThat(d.get("status").asString()).isEqualTo("pending");
        assertThat(d.get("currency").asString()).isEqualTo("BTC");
        assertThat(d.get("amount").asString()).startsWith("0.0005");
        assertThat(d.get("pay_address").asString()).startsWith("bc1");

        JsonNode s = payment(m, d.get("payment_id").asString());
        assertThat(s.get("donation").asBoolean()).isTrue();
        assertThat(s.has("donor_name")).isFalse();
        assertThat(s.has("donor_message")).isFalse();
        assertThat(s.get("fiat_amount").isNull()).isTrue();
    }

    @Test
    void aFiatDonationInAnotherCurrencyIsConvertedAndTheLongestMessageIsAccepted() {
        Merchant m = newStore(List.of("ETH"), 1);
        enableDonations(m);
        String message = "❤".repeat(500);
        JsonNode d = donated(m, "\"fiat_amount\":\"32\",\"fiat_currency\":\"EUR\",\"currency\":\"ETH\","
                + "\"donor_message\":\"" + message + "\"");
        assertThat(d.get("currency").asString()).isEqualTo("ETH");
        JsonNode s = payment(m, d.get("payment_id").asString());
        assertThat(s.get("fiat_currency").asString()).isEqualTo("EUR");
        assertThat(s.get("donor_message").asString()).isEqualTo(message);
        assertThat(s.get("amount_requested").decimalValue()).isGreaterThan(java.math.BigDecimal.ZERO);
    }

    @Test
    void aStoreWithoutDonationsAnswers403AndWritesNothing() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response r = donate(m, "\"fiat_amount\":\"10\",\"currency\":\"USDT_TRC20\"");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).isEqualTo("donations are not enabled for this store");

        enableDonations(m);
        patchStore(m, "{\"donations_enabled\":false}");
        assertThat(donate(m, "\"fiat_amount\":\"10\",\"currency\":\"USDT_TRC20\"").status()).isEqualTo(403);
        assertThat(paymentsOf(m)).isZero();
    }

    @Test
    void anUnknownApiKeyIsNotFoundAndSaysNothingMore() {
        Http.Response r = http().postJson("/donate/create",
                "{\"api_key\":\"pk_no_such_key\",\"fiat_amount\":\"10\",\"currency\":\"USDT_TRC20\"}");
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.body()).isEqualTo("{\"success\":false,\"error\":\"store not found\"}");
    }

    @Test
    void signatureHeadersAreNeitherNeededNorCheckedButTheBodyLimitApplies() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        enableDonations(m);
        Http.Response r = http().send("POST", "/donate/create",
                ("{\"api_key\":\"" + m.apiKey() + "\",\"fiat_amount\":\"5\",\"currency\":\"USDT_TRC20\"}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Api-Key", "wrong", "X-Signature", "bad",
                        "X-Timestamp", "1"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);

        Http.Response big = donate(m, "\"currency\":\"USDT_TRC20\",\"amount\":\"5\",\"padding\":\""
                + "x".repeat(70_000) + "\"");
        assertThat(big.status()).isEqualTo(400);
        assertThat(big.error()).contains("too large");
        assertThat(paymentsOf(m)).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "not json",
            "[1,2]",
            "{}",
            "{\"api_key\":123,\"amount\":\"10\",\"currency\":\"USDT_TRC20\"}",
            "{\"api_key\":\"\",\"amount\":\"10\",\"currency\":\"USDT_TRC20\"}",
            "{KEY,\"fiat_amount\":\"10\"}",
            "{KEY,\"fiat_amount\":\"10\",\"currency\":null}",
            "{KEY,\"fiat_amount\":\"10\",\"currency\":5}",
            "{KEY,\"fiat_amount\":\"10\",\"currency\":\"DOGE\"}",
            "{KEY,\"fiat_amount\":\"10\",\"currency\":\"USDT_ERC20\"}",
            "{KEY,\"fiat_amount\":\"10\",\"currency\":\"BTC\"}",
            "{KEY,\"currency\":\"USDT_TRC20\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"fiat_amount\":\"10\",\"amount\":\"10\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"-5\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":-5}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"fiat_amount\":\"-10\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"0\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"abc\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10.1234567\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"fiat_amount\":\"10.001\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"fiat_amount\":\"10\",\"fiat_currency\":\"JPY\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10\",\"fiat_currency\":\"EUR\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10\",\"donor_name\":42}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10\",\"donor_name\":\"a\\u0007b\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10\",\"donor_name\":\"LONG_NAME\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10\",\"donor_message\":\"LONG_MESSAGE\"}",
            "{KEY,\"currency\":\"USDT_TRC20\",\"amount\":\"10\",\"donor_message\":[\"hi\"]}"})
    void badInputIsA400InTheSeedsFormatAndWritesNothing(String template) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        enableDonations(m);
        String body = template.replace("KEY", "\"api_key\":\"" + m.apiKey() + "\"")
                .replace("LONG_NAME", "n".repeat(101)).replace("LONG_MESSAGE", "m".repeat(501));
        Http.Response r = http().postJson("/donate/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).isNotBlank().doesNotContain("Exception");
        assertThat(paymentsOf(m)).isZero();
        assertThat(eventsOf(m)).isZero();
    }

    @Test
    void otherMethodsAndPathsAnswerInTheSeedsFormat() {
        Http.Response get = http().get("/donate/create");
        assertThat(get.status()).isEqualTo(405);
        assertThat(get.json().get("success").asBoolean()).isFalse();
    }
}
