package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paymux.core.spi.OperatorActions;
import dev.paymux.core.spi.OperatorActions.ActionContext;
import dev.paymux.core.spi.OperatorActions.ActionException;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderReference;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The operator's tools: {@code test-webhook} and {@code resend}, checked before anything is sent. */
class CryptomusActionsTest extends CryptomusWireMockTest {

    private static final String CALLBACK = "https://paymux.example/callbacks/cryptomus-test";
    private static final ActionContext CONTEXT = new ActionContext(CALLBACK, null);
    private static final String INVOICE = "26109ba0-b05b-4ee0-93d1-fd62c822ce95";

    @Test
    void theActionsAreListed() {
        assertThat(provider(10).actions()).extracting(OperatorActions.ActionInfo::name)
                .containsExactly("test-webhook", "resend");
    }

    @Test
    void aTestWebhookIsSignedAndSentToTheInstancesCallbackAddress() {
        wireMock.stubFor(post(urlEqualTo("/v1/test-webhook/payment")).willReturn(json(200, "empty-result.json", Map.of())));
        var result = provider(10).run("test-webhook", Map.of("asset", "USDT_TRC20", "status", "paid_over",
                "uuid", INVOICE), CONTEXT);
        assertThat(result.summary()).contains("paid_over").contains("USDT on tron");
        assertThat(result.details()).containsEntry("uuid", INVOICE).containsEntry("url_callback", CALLBACK);
        var sent = wireMock.findAll(postRequestedFor(urlEqualTo("/v1/test-webhook/payment"))).get(0);
        assertThat(sent.getBodyAsString()).isEqualTo("{\"url_callback\":\"https:\\/\\/paymux.example\\/callbacks"
                + "\\/cryptomus-test\",\"currency\":\"USDT\",\"network\":\"tron\",\"uuid\":\"" + INVOICE
                + "\",\"status\":\"paid_over\"}");
        assertThat(sent.getHeader("merchant")).isEqualTo(CryptomusFixtures.MERCHANT);
        assertThat(sent.getHeader("sign")).isEqualTo(CryptomusFixtures.md5Sign(
                sent.getBodyAsString().getBytes(StandardCharsets.UTF_8), CryptomusFixtures.API_KEY));
    }

    @Test
    void aTestWebhookTakesCurrencyAndNetworkAndDefaultsToPaid() {
        wireMock.stubFor(post(urlEqualTo("/v1/test-webhook/payment")).willReturn(json(200, "empty-result.json", Map.of())));
        provider(10).run("test-webhook", Map.of("currency", "ETH", "network", "eth", "order_id", "ord-7"), CONTEXT);
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/test-webhook/payment")).withRequestBody(equalToJson(
                "{\"url_callback\":\"" + CALLBACK + "\",\"currency\":\"ETH\",\"network\":\"eth\",\"order_id\":\"ord-7\","
                        + "\"status\":\"paid\"}")));
    }

    @Test
    void resendNamesTheInvoiceByOrderIdUuidOrTheNamedPayment() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/resend")).willReturn(json(200, "empty-result.json", Map.of())));
        CryptomusProvider provider = provider(10);
        provider.run("resend", Map.of("order_id", "pay-1"), CONTEXT);
        provider.run("resend", Map.of(), new ActionContext(CALLBACK,
                new ProviderReference(CryptomusFixtures.INSTANCE, INVOICE, null)));
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/payment/resend"))
                .withRequestBody(equalToJson("{\"order_id\":\"pay-1\"}")).withHeader("merchant",
                        equalTo(CryptomusFixtures.MERCHANT)));
        wireMock.verify(postRequestedFor(urlEqualTo("/v1/payment/resend"))
                .withRequestBody(equalToJson("{\"uuid\":\"" + INVOICE + "\"}")));
    }

    @Test
    void badParametersAreRefusedWithoutACall() {
        CryptomusProvider provider = provider(10);
        assertBad(provider, "test-webhook", Map.of("asset", "USDT_TRC20", "colour", "red"), "unknown parameter 'colour'");
        assertBad(provider, "test-webhook", Map.of(), "asset, or currency and network");
        assertBad(provider, "test-webhook", Map.of("currency", "USDT"), "asset, or currency and network");
        assertBad(provider, "test-webhook", Map.of("asset", "DOGE"), "asset must be one this instance takes");
        assertBad(provider, "test-webhook", Map.of("asset", "BTC", "currency", "BTC"), "not both");
        assertBad(provider, "test-webhook", Map.of("asset", "BTC", "status", "done"), "status must be one of");
        assertBad(provider, "test-webhook", Map.of("asset", "BTC", "uuid", "not-a-uuid"), "uuid must be");
        assertBad(provider, "test-webhook", Map.of("asset", "BTC", "uuid", INVOICE, "order_id", "x"), "one of");
        assertBad(provider, "resend", Map.of(), "is required");
        assertBad(provider, "resend", Map.of("order_id", "has space"), "order_id must be");
        assertBad(provider, "resend", Map.of("order_id", " "), "must not be blank");
        assertThatThrownBy(() -> provider.run("resend", Map.of(), new ActionContext(CALLBACK,
                new ProviderReference("someone-else", INVOICE, null))))
                .isInstanceOf(ActionException.class).hasMessageContaining("someone-else");
        ActionException unknown = catchThrowableOfType(ActionException.class,
                () -> provider.run("refund", Map.of(), CONTEXT));
        assertThat(unknown.kind()).isEqualTo(ActionException.Kind.UNKNOWN_ACTION);
        wireMock.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void aRefusalOrAnOutageIsAProviderException() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/resend")).willReturn(json(422, "error-422-message.json",
                Map.of("message", "Payment not found"))));
        ProviderException refused = catchThrowableOfType(ProviderException.class,
                () -> provider(10).run("resend", Map.of("order_id", "nope"), CONTEXT));
        assertThat(refused.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(refused.getMessage()).contains("Payment not found").doesNotContain(CryptomusFixtures.API_KEY);

        wireMock.stubFor(post(urlEqualTo("/v1/test-webhook/payment")).willReturn(json(500, "error-500.json", Map.of())));
        ProviderException down = catchThrowableOfType(ProviderException.class,
                () -> provider(10).run("test-webhook", Map.of("asset", "BTC"), CONTEXT));
        assertThat(down.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
    }

    private static void assertBad(CryptomusProvider provider, String action, Map<String, String> params, String text) {
        ActionException e = catchThrowableOfType(ActionException.class, () -> provider.run(action, params, CONTEXT));
        assertThat(e).as(params.toString()).isNotNull();
        assertThat(e.kind()).isEqualTo(ActionException.Kind.BAD_PARAMS);
        assertThat(e.getMessage()).contains(text);
    }
}
