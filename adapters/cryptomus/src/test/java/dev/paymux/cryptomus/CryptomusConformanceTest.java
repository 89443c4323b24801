package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.paymux.cryptomus.CryptomusFixtures.callback;
import static dev.paymux.cryptomus.CryptomusFixtures.signed;
import static dev.paymux.cryptomus.CryptomusFixtures.stub;
import static dev.paymux.cryptomus.CryptomusFixtures.unsignedCallbackBody;
import static dev.paymux.cryptomus.CryptomusFixtures.uuidFor;
import static dev.paymux.cryptomus.CryptomusFixtures.withSign;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.testkit.CreateIdempotency;
import dev.paymux.testkit.ProviderConformanceKit;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The conformance kit against WireMock stubs written from Cryptomus's documentation. */
class CryptomusConformanceTest extends ProviderConformanceKit {

    private CryptomusProvider provider;

    @Override
    protected PaymentProvider provider() {
        if (provider == null) {
            // A window the kit's failure tests never fill: they check errors, not the circuit.
            provider = new CryptomusProvider(CryptomusFixtures.config(baseUrl(), 1000));
        }
        return provider;
    }

    @Override
    protected PaymentIntent intent(String reference) {
        return CryptomusFixtures.usdtIntent(reference);
    }

    @Override
    protected void stubCreated(PaymentIntent intent) {
        // Cryptomus answers a known order_id with the invoice it already has, so one stub serves both calls.
        wireMock().stubFor(createRequest().withRequestBody(matchingJsonPath("$.order_id", equalTo(intent.reference())))
                .willReturn(json(200, stub("payment-created.json",
                        Map.of("uuid", uuidFor(intent.reference()), "order_id", intent.reference())))));
    }

    // Cryptomus answers a known order_id with the invoice it already has.
    @Override
    protected CreateIdempotency createIdempotency() {
        return CreateIdempotency.jsonField("order_id");
    }

    @Override
    protected MappingBuilder createRequest() {
        return post(urlEqualTo("/v1/payment"));
    }

    @Override
    protected void stubCreateRefused(String message) {
        wireMock().stubFor(createRequest().willReturn(json(422, stub("error-422-message.json",
                Map.of("message", message)))));
    }

    @Override
    protected void stubFetched(PaymentIntent intent, String raw) {
        String uuid = uuidFor(intent.reference());
        wireMock().stubFor(post(urlEqualTo("/v1/payment/info"))
                .withRequestBody(matchingJsonPath("$.uuid", equalTo(uuid)))
                .willReturn(json(200, stub("payment-info.json", Map.of("uuid", uuid, "order_id", intent.reference(),
                        "status", raw, "payment_amount", "25.00000000", "txid", "9f2cab")))));
    }

    @Override
    protected Map<String, PaymentStatus> documentedStatuses() {
        return CryptomusStatuses.DOCUMENTED;
    }

    @Override
    protected CallbackRequest signedCallback(PaymentIntent intent, String raw) {
        return callback(signed(unsignedCallbackBody(intent.reference(), raw)));
    }

    @Override
    protected CallbackRequest unsignedCallback(PaymentIntent intent, String raw) {
        return callback(unsignedCallbackBody(intent.reference(), raw));
    }

    @Override
    protected CallbackRequest forgedCallback(PaymentIntent intent, String raw) {
        String body = unsignedCallbackBody(intent.reference(), raw);
        String sign = CryptomusFixtures.md5Sign(body.getBytes(StandardCharsets.UTF_8),
                CryptomusFixtures.API_KEY);
        // Signed, then the amount raised on the way.
        return callback(withSign(body.replace("\"payment_amount\":\"25.00000000\"", "\"payment_amount\":\"2500.00000000\""),
                sign));
    }

    private static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
