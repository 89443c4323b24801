package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the adapter sends for each kind of intent, the pass-through parameters, and the operator calls. */
class CryptomusRequestTest extends CryptomusWireMockTest {

    @Test
    void anAssetInvoiceNamesItsNetworkAndPassesTheUrlsAndLifetime() {
        String ref = "req-1";
        stubCreate(ref);
        ProviderPayment payment = provider(10).create(CryptomusFixtures.usdtIntent(ref));

        assertThat(sentBody()).isEqualTo("{\"amount\":\"25\",\"currency\":\"USDT\",\"order_id\":\"req-1\",\"network\":\"tron\","
                + "\"url_callback\":\"https:\\/\\/paymux.example\\/callbacks\\/cryptomus\","
                + "\"url_return\":\"https:\\/\\/shop.example\\/return\",\"url_success\":\"https:\\/\\/shop.example\\/return\","
                + "\"lifetime\":3600}");
        assertThat(payment.payAddress()).isEqualTo("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf");
        assertThat(payment.payCurrency()).isEqualTo("USDT_TRC20");
        assertThat(payment.payAmount()).isEqualByComparingTo("25");
        assertThat(payment.status().status()).isEqualTo(PaymentStatus.PENDING);
    }

    @Test
    void aFiatInvoicePaidInAnAssetConvertsWithToCurrency() {
        stubCreate("req-2");
        provider(10).create(intent("req-2", "20", "USD", "BTC", Duration.ofMinutes(30)));
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/payment")).withRequestBody(equalToJson(
                "{\"amount\":\"20\",\"currency\":\"USD\",\"order_id\":\"req-2\",\"to_currency\":\"BTC\",\"network\":\"btc\","
                        + "\"url_callback\":\"https://paymux.example/cb\",\"lifetime\":1800}")));
    }

    @Test
    void aFiatInvoiceWithoutPayCurrencyLetsTheCustomerChoose() {
        stubCreate("req-3");
        provider(10).create(intent("req-3", "15", "USD", null, Duration.ofHours(1)));
        assertThat(sentBody()).doesNotContain("network").doesNotContain("to_currency");
    }

    @Test
    void anAssetInvoicePaidInAnotherAssetConverts() {
        stubCreate("req-4");
        provider(10).create(intent("req-4", "0.01", "BTC", "USDT_TRC20", Duration.ofHours(1)));
        assertThat(sentBody()).contains("\"currency\":\"BTC\"", "\"to_currency\":\"USDT\"", "\"network\":\"tron\"");
        stubCreate("req-5");
        provider(10).create(intent("req-5", "10", "USDT_TRC20", "USDT_ERC20", Duration.ofHours(1)));
        assertThat(sentBody()).contains("\"currency\":\"USDT\"", "\"network\":\"eth\"").doesNotContain("to_currency");
    }

    @Test
    void theLifetimeStaysWithinCryptomussBounds() {
        stubCreate("req-6");
        provider(10).create(intent("req-6", "10", "USDT_TRC20", null, Duration.ofMinutes(1)));
        assertThat(sentBody()).contains("\"lifetime\":300");
        stubCreate("req-7");
        provider(10).create(intent("req-7", "10", "USDT_TRC20", null, Duration.ofDays(2)));
        assertThat(sentBody()).contains("\"lifetime\":43200");
    }

    @Test
    void passThroughParametersComeFromTheCallOrTheConfiguredDefaults() {
        CryptomusProvider provider = new CryptomusProvider(CryptomusFixtures.config(wireMock.baseUrl(), 10)
                .withPaymentDefaults(new CryptomusPaymentOptions(new BigDecimal("1"), "shop=7", false)));
        stubCreate("req-8");
        provider.create(intent("req-8", "10", "USDT_TRC20", null, Duration.ofHours(1)));
        assertThat(sentBody()).contains("\"is_payment_multiple\":false,\"accuracy_payment_percent\":1,"
                + "\"additional_data\":\"shop=7\"");

        stubCreate("req-9");
        provider.create(intent("req-9", "10", "USDT_TRC20", null, Duration.ofHours(1)),
                new CryptomusPaymentOptions(new BigDecimal("2.50"), "order/9 \u00fc", null));
        assertThat(sentBody()).contains("\"is_payment_multiple\":false,\"accuracy_payment_percent\":2.5,"
                + "\"additional_data\":\"order\\/9 \\u00fc\"");
    }

    @Test
    void fetchAsksByUuidAndByReferenceByOrderId() {
        String ref = "req-10";
        String uuid = CryptomusFixtures.uuidFor(ref);
        wireMock.stubFor(post(urlEqualTo("/v1/payment/info")).willReturn(json(200, "payment-info.json", Map.of(
                "uuid", uuid, "order_id", ref, "status", "paid_over", "payment_amount", "26.00000000", "txid", "abc"))));
        CryptomusProvider provider = provider(10);

        ProviderPayment byUuid = provider.fetch(new ProviderReference(CryptomusFixtures.INSTANCE, uuid, null));
        assertThat(sentBody("/v1/payment/info")).isEqualTo("{\"uuid\":\"" + uuid + "\"}");
        assertThat(byUuid.status().status()).isEqualTo(PaymentStatus.OVERPAID);
        assertThat(byUuid.amountReceived()).isEqualByComparingTo("26");
        assertThat(byUuid.txHash()).isEqualTo("abc");

        provider.fetchByReference(ref);
        assertThat(sentBody("/v1/payment/info")).isEqualTo("{\"order_id\":\"req-10\"}");
    }

    @Test
    void theOperatorCanResendAndTestWebhooks() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/resend")).willReturn(json(200, "empty-result.json", Map.of())));
        wireMock.stubFor(post(urlEqualTo("/v1/test-webhook/payment")).willReturn(json(200, "empty-result.json", Map.of())));
        CryptomusProvider provider = provider(10);

        provider.resend("req-11");
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/payment/resend")).withRequestBody(equalToJson("{\"order_id\":\"req-11\"}"))
                .withHeader("merchant", equalTo(CryptomusFixtures.MERCHANT)));

        provider.testWebhook("https://paymux.example/callbacks/cryptomus-test", "USDT_TRC20", "paid", null);
        assertThat(sentBody("/v1/test-webhook/payment")).isEqualTo("{\"url_callback\":\"https:\\/\\/paymux.example\\/callbacks"
                + "\\/cryptomus-test\",\"currency\":\"USDT\",\"network\":\"tron\",\"status\":\"paid\"}");
    }

    private void stubCreate(String ref) {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(200, "payment-created.json",
                Map.of("uuid", CryptomusFixtures.uuidFor(ref), "order_id", ref))));
    }

    private String sentBody() {
        return sentBody("/v1/payment");
    }

    /** The body of the newest request to {@code path}, as bytes on the wire. */
    private String sentBody(String path) {
        return wireMock.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().equals(path))
                .findFirst().map(e -> new String(e.getRequest().getBody(), StandardCharsets.UTF_8)).orElseThrow();
    }

    private static PaymentIntent intent(String ref, String amount, String currency, String pay, Duration lifetime) {
        return new PaymentIntent(ref, new BigDecimal(amount), currency, pay, lifetime, "https://paymux.example/cb", null,
                null);
    }
}
