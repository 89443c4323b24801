package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cryptomus's error answers as typed errors, what is retried, and the circuit breaker. */
class CryptomusErrorsTest extends CryptomusWireMockTest {

    private static final PaymentIntent INTENT = CryptomusFixtures.usdtIntent("err-1");

    @Test
    void aValidationErrorListsEachFieldAndIsNotRetried() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(422, "error-422-validation.json", Map.of())));
        ProviderException e = createFails(provider(10));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("amount: validation.required");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/payment")));
    }

    @Test
    void aDocumentedRefusalKeepsCryptomussMessage() {
        for (String message : new String[] {"Minimum amount 0.5 USDT", "The network was not found", "You are forbidden",
                "Wallet not found"}) {
            wireMock.resetAll();
            wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(422, "error-422-message.json",
                    Map.of("message", message))));
            ProviderException e = createFails(provider(10));
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
            assertThat(e.getMessage()).contains(message).doesNotContain(CryptomusFixtures.API_KEY);
            assertThat(e.instance()).isEqualTo(CryptomusFixtures.INSTANCE);
        }
    }

    @Test
    void technicalWorkMessagesAreUnavailableAndRetried() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(422, "error-422-message.json",
                Map.of("message", "Gateway error"))));
        ProviderException e = createFails(provider(10));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/payment")));
    }

    @Test
    void aServerErrorIsRetriedBecauseCreateIsIdempotentOnOrderId() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(500, "error-500.json", Map.of())));
        assertThat(createFails(provider(10)).kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        wireMock.verify(2, postRequestedFor(urlEqualTo("/v1/payment")));
    }

    @Test
    void aRefusalInsideA200IsRejected() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(200, "error-422-message.json",
                Map.of("message", "Not found service to_currency"))));
        ProviderException e = createFails(provider(10));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("Not found service to_currency");
    }

    @Test
    void anInvoiceOfAnotherOrderIsMalformed() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(200, "payment-created.json",
                Map.of("uuid", "u-1", "order_id", "someone-else"))));
        assertThat(createFails(provider(10)).kind()).isEqualTo(ProviderException.Kind.MALFORMED);
    }

    @Test
    void aPayCurrencyTheInstanceDoesNotTakeIsRefusedWithoutACall() {
        PaymentIntent doge = new PaymentIntent("err-2", INTENT.amount(), "USD", "DOGE", INTENT.lifetime(),
                INTENT.callbackUrl(), null, null);
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider(10).create(doge));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("DOGE");
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void repeatedServerErrorsOpenTheCircuitThenCreateFailsFastAndHealthIsDown() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(aResponse().withStatus(503)));
        CryptomusProvider provider = provider(4);
        assertThat(provider.health().up()).isTrue();

        // Two creates of two attempts each fill the window of four with failures.
        assertThat(createFails(provider).kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(createFails(provider).kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        wireMock.verify(4, postRequestedFor(urlEqualTo("/v1/payment")));

        ProviderException fast = createFails(provider);
        assertThat(fast.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(fast.getMessage()).contains("circuit open");
        wireMock.verify(4, postRequestedFor(urlEqualTo("/v1/payment")));
        assertThat(provider.health().up()).isFalse();
        assertThat(provider.health().detail()).contains("circuit breaker open");

        // Everything else fails fast too: the breaker is per instance.
        assertThat(catchThrowableOfType(ProviderException.class, provider::refreshServices).kind())
                .isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(wireMock.getAllServeEvents()).hasSize(4);
    }

    @Test
    void resetConnectionsOpenTheCircuitToo() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CryptomusProvider provider = provider(4);
        createFails(provider);
        createFails(provider);
        assertThat(createFails(provider).getMessage()).contains("circuit open");
        assertThat(provider.health().up()).isFalse();
    }

    @Test
    void refusalsDoNotOpenTheCircuit() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(422, "error-422-validation.json", Map.of())));
        CryptomusProvider provider = provider(2);
        for (int i = 0; i < 5; i++) {
            assertThat(createFails(provider).kind()).isEqualTo(ProviderException.Kind.REJECTED);
        }
        assertThat(provider.health().up()).isTrue();
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(CryptomusFixtures.config(wireMock.baseUrl(), 10).toString()).doesNotContain(CryptomusFixtures.API_KEY)
                .contains("apiKey=***");
        assertThat(provider(10).toString()).doesNotContain(CryptomusFixtures.API_KEY);
    }

    private static ProviderException createFails(CryptomusProvider provider) {
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> provider.create(INTENT));
        assertThat(e).as("create must fail with a ProviderException").isNotNull();
        return e;
    }
}
