package dev.paymux.cryptomus;

import static dev.paymux.cryptomus.CryptomusFixtures.callback;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.ProviderUpdate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Callback verification. The signed body and its signature were computed outside this code base as PHP's
 * {@code json_encode($data, JSON_UNESCAPED_UNICODE)} does it (compact, {@code \/}, raw UTF-8) and
 * {@code md5(base64(json) + key)}; the body holds a URL and non-ASCII text so both rules are exercised.
 */
class CryptomusCallbackTest {

    /** The data Cryptomus signed, exactly as it encodes it for signing. */
    private static final String SIGNED_DATA = "{\"type\":\"payment\",\"uuid\":\"6a9b3f0e-2c1d-4e5f-8a7b-9c0d1e2f3a4b\","
            + "\"order_id\":\"ord-7\",\"amount\":\"15.00\",\"payment_amount\":\"15.00\",\"payment_amount_usd\":\"15.00\","
            + "\"merchant_amount\":\"14.70\",\"commission\":\"0.30\",\"is_final\":true,\"status\":\"paid\",\"from\":null,"
            + "\"wallet_address_uuid\":null,\"network\":\"tron\",\"currency\":\"USDT\",\"payer_currency\":\"USDT\","
            + "\"additional_data\":\"Café — https:\\/\\/shop.example\\/o\\/7\",\"convert\":{\"to_currency\":\"USDT\","
            + "\"commission\":null,\"rate\":\"1.00000000\",\"amount\":\"14.70\"},\"txid\":\"a1b2c3\"}";
    private static final String SIGN = "adda43fdfbe782454d102983268c0941";
    /** The signature a signer gets when it forgets to escape slashes (JavaScript's JSON.stringify). */
    private static final String SIGN_WITHOUT_SLASH_ESCAPES = "fd93da5d056dff8e03e73e266cb6a993";

    private final CryptomusProvider provider = new CryptomusProvider(CryptomusFixtures.config("http://127.0.0.1:9", 10));

    @Test
    void theDocumentedSignatureVerifiesOnTheRawBody() {
        ProviderUpdate update = accepted(callback(CryptomusFixtures.withSign(SIGNED_DATA, SIGN)));
        assertThat(update.paymentReference()).isEqualTo("ord-7");
        assertThat(update.externalId()).isEqualTo("6a9b3f0e-2c1d-4e5f-8a7b-9c0d1e2f3a4b");
        assertThat(update.status().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(update.status().raw()).isEqualTo("paid");
        assertThat(update.amountReceived()).isEqualByComparingTo("15.00");
        assertThat(update.payCurrency()).isEqualTo("USDT_TRC20");
        assertThat(update.txHash()).isEqualTo("a1b2c3");
        assertThat(update.dedupeKey()).isEqualTo("cryptomus:6a9b3f0e-2c1d-4e5f-8a7b-9c0d1e2f3a4b:paid:15:a1b2c3");
    }

    @Test
    void aBodySentWithUnicodeEscapesVerifiesByReEncoding() {
        // The same data as default json_encode sends it: é and — as \\u escapes, sign at the end.
        String escaped = CryptomusFixtures.withSign(SIGNED_DATA.replace("Café —", "Caf\\u00e9 \\u2014"), SIGN);
        assertThat(escaped).doesNotContain("é");
        assertThat(accepted(callback(escaped)).status().raw()).isEqualTo("paid");
    }

    @Test
    void aPrettyPrintedBodyWithSignFirstVerifiesByReEncoding() {
        String pretty = "{\n  \"sign\": \"" + SIGN + "\",\n  " + SIGNED_DATA.substring(1).replace("\",\"", "\",\n  \"")
                .replace("\":", "\": ");
        assertThat(accepted(callback(pretty)).externalId()).isEqualTo("6a9b3f0e-2c1d-4e5f-8a7b-9c0d1e2f3a4b");
    }

    @Test
    void aBodyWithUnescapedSlashesStillVerifiesBecauseTheSignatureCoversTheEscapedForm() {
        String unescaped = CryptomusFixtures.withSign(SIGNED_DATA.replace("\\/", "/"), SIGN);
        assertThat(unescaped).contains("https://shop.example/o/7");
        assertThat(accepted(callback(unescaped)).status().status()).isEqualTo(PaymentStatus.COMPLETED);
    }

    @Test
    void aSignatureOverUnescapedSlashesIsNotCryptomusAndIsRejected() {
        assertThat(provider.parseCallback(callback(CryptomusFixtures.withSign(SIGNED_DATA, SIGN_WITHOUT_SLASH_ESCAPES))))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void changedDataOrAWrongKeyIsRejected() {
        assertThat(provider.parseCallback(callback(CryptomusFixtures.withSign(
                SIGNED_DATA.replace("\"payment_amount\":\"15.00\"", "\"payment_amount\":\"150.00\""), SIGN))))
                .isInstanceOf(CallbackResult.Rejected.class);
        assertThat(provider.parseCallback(callback(CryptomusFixtures.withSign(
                SIGNED_DATA.replace("Café", "Cafe"), SIGN)))).isInstanceOf(CallbackResult.Rejected.class);
        String otherKey = CryptomusFixtures.md5Sign(SIGNED_DATA.getBytes(StandardCharsets.UTF_8), "another-key");
        assertThat(provider.parseCallback(callback(CryptomusFixtures.withSign(SIGNED_DATA, otherKey))))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void aRepeatedOrMisplacedSignIsRejected() {
        String twice = CryptomusFixtures.withSign(CryptomusFixtures.withSign(SIGNED_DATA, SIGN), SIGN);
        assertThat(provider.parseCallback(callback(twice))).isInstanceOf(CallbackResult.Rejected.class);
        String nested = SIGNED_DATA.replace("\"rate\":", "\"sign\":\"" + SIGN + "\",\"rate\":");
        assertThat(provider.parseCallback(callback(nested))).isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void bytesThatAreNotUtf8AreRejectedNotThrown() {
        byte[] body = CryptomusFixtures.withSign(SIGNED_DATA, SIGN).getBytes(StandardCharsets.ISO_8859_1);
        CallbackRequest request = new CallbackRequest(Map.of(), body, "application/json", null);
        assertThat(provider.parseCallback(request)).isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void theCallbackAddressIsCheckedWhenConfigured() {
        CryptomusProvider strict = new CryptomusProvider(CryptomusFixtures.config("http://127.0.0.1:9", 10)
                .withCallbackIps(Set.of("91.227.144.54")));
        byte[] body = CryptomusFixtures.withSign(SIGNED_DATA, SIGN).getBytes(StandardCharsets.UTF_8);
        assertThat(strict.parseCallback(new CallbackRequest(Map.of(), body, "application/json", "203.0.113.9")))
                .isInstanceOf(CallbackResult.Rejected.class);
        assertThat(strict.parseCallback(new CallbackRequest(Map.of(), body, "application/json", "91.227.144.54")))
                .isInstanceOf(CallbackResult.Accepted.class);
    }

    @Test
    void theDedupeKeyIsStableForAReplayAndNewForAnotherPayment() {
        ProviderUpdate first = accepted(callback(CryptomusFixtures.signed(CryptomusFixtures.unsignedCallbackBody("r-1", "wrong_amount_waiting"))));
        ProviderUpdate replay = accepted(callback(CryptomusFixtures.signed(CryptomusFixtures.unsignedCallbackBody("r-1", "wrong_amount_waiting"))));
        String toppedUpBody = CryptomusFixtures.unsignedCallbackBody("r-1", "wrong_amount_waiting")
                .replace("\"payment_amount\":\"25.00000000\"", "\"payment_amount\":\"30.00000000\"");
        ProviderUpdate toppedUp = accepted(callback(CryptomusFixtures.signed(toppedUpBody)));
        assertThat(replay).isEqualTo(first);
        assertThat(toppedUp.dedupeKey()).isNotEqualTo(first.dedupeKey());
        assertThat(toppedUp.amountReceived()).isEqualByComparingTo(new BigDecimal("30"));
        assertThat(first.status().status()).isEqualTo(PaymentStatus.UNDERPAID);
        assertThat(first.status().status().isFinal()).isFalse();
    }

    @Test
    void everyDocumentedStatusIsMappedAndTheOpenOnesStayNonFinal() {
        assertThat(CryptomusStatuses.DOCUMENTED.keySet()).containsExactlyInAnyOrder("check", "process", "confirm_check",
                "paid", "paid_over", "wrong_amount", "wrong_amount_waiting", "fail", "cancel", "system_fail",
                "refund_process", "refund_fail", "refund_paid", "locked");
        for (String nonFinal : List.of("check", "process", "confirm_check", "wrong_amount_waiting", "locked",
                "refund_process", "refund_fail", "cancel")) {
            assertThat(CryptomusStatuses.DOCUMENTED.get(nonFinal).isFinal()).as(nonFinal).isFalse();
        }
    }

    private ProviderUpdate accepted(CallbackRequest request) {
        CallbackResult result = provider.parseCallback(request);
        assertThat(result).isInstanceOf(CallbackResult.Accepted.class);
        CallbackResult.Accepted accepted = (CallbackResult.Accepted) result;
        assertThat(accepted.responseStatus()).isEqualTo(200);
        return accepted.update();
    }
}
