package dev.paymux.exchanger;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.ProviderUpdate;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The IPN hash against the document's own example, and the IPN read end to end. */
class ExchangerIpnTest {

    /** The document's example: string and hash copied from it byte for byte. */
    private static final String DOC_STRING =
            "5d8e6002b80b7b4cd75a6424:inProgress:2:317.42:ETH:WMZ:1571328406072:SECRET123";
    private static final String DOC_HASH = "af3acf947e6f0e0f2c267e300b8582e504dba12d1f2d058652b7414163c09f48";
    private static final String DOC_SECRET = "SECRET123";

    private static Map<String, String> docFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderUID", "1409");
        f.put("orderId", "5d8e6002b80b7b4cd75a6424");
        f.put("newStatus", "inProgress");
        f.put("inAmount", "2");
        f.put("outAmount", "317.42");
        f.put("xml_from", "ETH");
        f.put("xml_to", "WMZ");
        f.put("timestamp", "1571328406072");
        f.put("toValues[0][key]", "5f1a00000000000000000002");
        f.put("toValues[0][name]", "WMZ purse");
        f.put("toValues[0][value]", "Z123456789012");
        return f;
    }

    private static ExchangerProvider provider(String ipnSecret) {
        return new ExchangerProvider(ExchangerConfig.defaults("exchanger-doc", "http://127.0.0.1:9", ipnSecret,
                ExchangerFixtures.routes()));
    }

    private static ProviderUpdate accepted(CallbackResult result) {
        assertThat(result).isInstanceOf(CallbackResult.Accepted.class);
        return ((CallbackResult.Accepted) result).update();
    }

    @Test
    void theDocumentsExampleStringAndHash() {
        assertThat(IpnSignature.stringToHash(docFields()::get, DOC_SECRET)).isEqualTo(DOC_STRING);
        assertThat(IpnSignature.hash(docFields()::get, DOC_SECRET)).isEqualTo(DOC_HASH);
        assertThat(ExchangerFixtures.documentHash(docFields(), DOC_SECRET)).isEqualTo(DOC_HASH);
    }

    @Test
    void verificationIsExactButIgnoresHexCase() {
        assertThat(IpnSignature.verify(docFields()::get, DOC_SECRET, DOC_HASH)).isTrue();
        assertThat(IpnSignature.verify(docFields()::get, DOC_SECRET, DOC_HASH.toUpperCase())).isTrue();
        String flipped = (DOC_HASH.charAt(0) == 'a' ? "b" : "a") + DOC_HASH.substring(1);
        assertThat(IpnSignature.verify(docFields()::get, DOC_SECRET, flipped)).isFalse();
        assertThat(IpnSignature.verify(docFields()::get, DOC_SECRET, DOC_HASH.substring(2))).isFalse();
        assertThat(IpnSignature.verify(docFields()::get, "SECRET124", DOC_HASH)).isFalse();
    }

    @Test
    void theDocumentsExampleIpnIsAcceptedAndTranslated() {
        Map<String, String> fields = new LinkedHashMap<>(docFields());
        fields.put("hash", DOC_HASH);
        CallbackResult result = provider(DOC_SECRET).parseCallback(ExchangerFixtures.form(fields));

        ProviderUpdate update = accepted(result);
        assertThat(update.externalId()).isEqualTo("1409");
        assertThat(update.paymentReference()).isNull();
        assertThat(update.status().status()).isEqualTo(PaymentStatus.CONFIRMING);
        assertThat(update.status().raw()).isEqualTo("inProgress");
        assertThat(update.payCurrency()).isEqualTo("ETH");
        assertThat(update.amountReceived()).as("inProgress: payment not yet accepted").isNull();
        assertThat(((CallbackResult.Accepted) result).responseStatus()).isEqualTo(200);
        assertThat(((CallbackResult.Accepted) result).responseBody()).isEqualTo("OK");
    }

    @Test
    void aDoneIpnCarriesTheAmountPaid() {
        Map<String, String> fields = new LinkedHashMap<>(docFields());
        fields.put("newStatus", "done");
        ProviderUpdate update = accepted(provider(DOC_SECRET).parseCallback(
                ExchangerFixtures.form(ExchangerFixtures.signed(fields, DOC_SECRET))));
        assertThat(update.status().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(update.amountReceived()).isEqualByComparingTo(new BigDecimal("2"));
    }

    @Test
    void anotherInstancesSecretDoesNotVerify() {
        Map<String, String> fields = new LinkedHashMap<>(docFields());
        fields.put("hash", DOC_HASH);
        assertThat(provider("another-secret").parseCallback(ExchangerFixtures.form(fields)))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void theHashFieldNameIsConfigurable() {
        Map<String, String> fields = new LinkedHashMap<>(docFields());
        fields.put("sign", DOC_HASH);
        ExchangerProvider provider = new ExchangerProvider(ExchangerConfig.defaults("exchanger-doc",
                "http://127.0.0.1:9", DOC_SECRET, ExchangerFixtures.routes()).withIpnHashField("sign"));
        assertThat(accepted(provider.parseCallback(ExchangerFixtures.form(fields))).externalId()).isEqualTo("1409");
        assertThat(provider(DOC_SECRET).parseCallback(ExchangerFixtures.form(fields)))
                .as("the default field is hash").isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void aSignedFieldSentTwiceIsRejected() {
        String body = "orderId=5d8e6002b80b7b4cd75a6424&orderId=000000000000000000000000&orderUID=1409"
                + "&newStatus=inProgress&inAmount=2&outAmount=317.42&xml_from=ETH&xml_to=WMZ"
                + "&timestamp=1571328406072&hash=" + DOC_HASH;
        assertThat(provider(DOC_SECRET).parseCallback(raw(body, "application/x-www-form-urlencoded")))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void aVerifiedIpnWithoutAnOrderUidIsRejected() {
        Map<String, String> fields = new LinkedHashMap<>(docFields());
        fields.remove("orderUID");
        fields.put("hash", DOC_HASH);
        assertThat(provider(DOC_SECRET).parseCallback(ExchangerFixtures.form(fields)))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void theSameFieldsAsJsonAreNotAnIpn() {
        String json = "{\"orderUID\":1409,\"orderId\":\"5d8e6002b80b7b4cd75a6424\",\"newStatus\":\"inProgress\","
                + "\"inAmount\":\"2\",\"outAmount\":\"317.42\",\"xml_from\":\"ETH\",\"xml_to\":\"WMZ\","
                + "\"timestamp\":1571328406072,\"hash\":\"" + DOC_HASH + "\"}";
        assertThat(provider(DOC_SECRET).parseCallback(CallbackRequest.json(json, Map.of())))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void brokenEncodingIsRejectedNotThrown() {
        assertThat(provider(DOC_SECRET).parseCallback(raw("orderId=%zz&hash=%", "application/x-www-form-urlencoded")))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void theSameStateSignedAgainLaterIsTheSameUpdate() {
        Map<String, String> later = new LinkedHashMap<>(docFields());
        later.put("timestamp", "1571328999999");
        ProviderUpdate first = accepted(provider(DOC_SECRET).parseCallback(
                ExchangerFixtures.form(ExchangerFixtures.signed(docFields(), DOC_SECRET))));
        ProviderUpdate again = accepted(provider(DOC_SECRET).parseCallback(
                ExchangerFixtures.form(ExchangerFixtures.signed(later, DOC_SECRET))));
        assertThat(again.dedupeKey()).isEqualTo(first.dedupeKey());
        assertThat(again).isEqualTo(first);
    }

    private static CallbackRequest raw(String body, String contentType) {
        return new CallbackRequest(Map.of("Content-Type", List.of(contentType)),
                body.getBytes(StandardCharsets.UTF_8), contentType, null);
    }
}
