package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderPayment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Request signatures byte for byte. The expected bodies and signatures were computed outside this code base
 * (Python: {@code json.dumps(data, separators=(',', ':'), ensure_ascii=True).replace('/', '\\/')}, which is
 * what PHP's default {@code json_encode} writes for these values, then
 * {@code md5(base64(body) + key)}), and are written here as literals.
 */
class CryptomusSigningTest {

    /** PHP json_encode of the invoice below: compact, slashes as \/, non-ASCII as lower-case \\u escapes. */
    private static final String INVOICE_BODY = "{\"amount\":\"15\",\"currency\":\"USD\",\"order_id\":\"1\","
            + "\"url_callback\":\"https:\\/\\/example.com\\/callbacks\\/cryptomus\",\"lifetime\":3600,"
            + "\"additional_data\":\"Caf\\u00e9 \\u2615 https:\\/\\/shop.example\\/o\\/1\"}";
    private static final String INVOICE_SIGN = "1a083784d4ef3fc2ce4247a76647d75a";

    private WireMockServer wireMock;

    @BeforeEach
    void start() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
    }

    @AfterEach
    void stop() {
        wireMock.stop();
    }

    @Test
    void signatureOfDocumentedRequestBodies() {
        CryptomusSignature signature = new CryptomusSignature(CryptomusFixtures.MERCHANT, CryptomusFixtures.API_KEY);
        // The seed document's minimal invoice request, compacted.
        assertThat(signature.sign("{\"amount\":\"15\",\"currency\":\"USD\",\"order_id\":\"1\"}"
                .getBytes(StandardCharsets.UTF_8))).isEqualTo("5d46b41b794cb7e88f28d8f4d1245e38");
        // The service list's "{}".
        assertThat(signature.sign("{}".getBytes(StandardCharsets.UTF_8))).isEqualTo("71bb9a7387d37d317f899fbc72772235");
        assertThat(signature.sign(INVOICE_BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(INVOICE_SIGN)
                .isEqualTo(CryptomusFixtures.md5Sign(INVOICE_BODY.getBytes(StandardCharsets.UTF_8),
                        CryptomusFixtures.API_KEY));
    }

    @Test
    void createSendsExactlyTheBytesItSigned() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(CryptomusFixtures.stub("payment-created-fiat.json", Map.of()))));
        CryptomusProvider provider = new CryptomusProvider(CryptomusFixtures.config(wireMock.baseUrl(), 10)
                .withPaymentDefaults(new CryptomusPaymentOptions(null, "Café ☕ https://shop.example/o/1", null)));
        PaymentIntent intent = new PaymentIntent("1", new BigDecimal("15.00"), "USD", null, Duration.ofHours(1),
                "https://example.com/callbacks/cryptomus", null, "ignored by Cryptomus");

        ProviderPayment payment = provider.create(intent);

        wireMock.verify(postRequestedFor(urlEqualTo("/v1/payment"))
                .withRequestBody(binaryEqualTo(INVOICE_BODY.getBytes(StandardCharsets.UTF_8)))
                .withHeader("sign", equalTo(INVOICE_SIGN))
                .withHeader("merchant", equalTo(CryptomusFixtures.MERCHANT))
                .withHeader("Content-Type", equalTo("application/json")));
        assertThat(payment.reference().externalId()).isEqualTo("26109ba0-b05b-4ee0-93d1-fd62c822ce95");
        assertThat(payment.reference().instance()).isEqualTo(CryptomusFixtures.INSTANCE);
        assertThat(payment.status().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.status().raw()).isEqualTo("check");
        assertThat(payment.paymentUrl()).isEqualTo("https://pay.cryptomus.com/pay/26109ba0-b05b-4ee0-93d1-fd62c822ce95");
        assertThat(payment.expiresAt()).isEqualTo(Instant.ofEpochSecond(1689098133));
        // A USD invoice whose customer has not chosen a currency yet: nothing to pay to yet.
        assertThat(payment.payAddress()).isNull();
        assertThat(payment.payCurrency()).isNull();
        assertThat(payment.payAmount()).isNull();
    }

    @Test
    void theServiceListIsSignedOverAnEmptyObject() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(aResponse().withStatus(200)
                .withBody(CryptomusFixtures.stub("services.json", Map.of()))));
        new CryptomusProvider(CryptomusFixtures.config(wireMock.baseUrl(), 10)).refreshServices();
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/payment/services"))
                .withRequestBody(binaryEqualTo("{}".getBytes(StandardCharsets.UTF_8)))
                .withHeader("sign", equalTo("71bb9a7387d37d317f899fbc72772235")));
    }
}
