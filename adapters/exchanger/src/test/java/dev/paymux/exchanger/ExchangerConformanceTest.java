package dev.paymux.exchanger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.paymux.exchanger.ExchangerFixtures.*;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.testkit.CreateIdempotency;
import dev.paymux.testkit.ProviderConformanceKit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;

/** The exchanger adapter against the conformance kit, with stubs and IPNs from the exchanger's document. */
class ExchangerConformanceTest extends ProviderConformanceKit {

    private ExchangerProvider provider;

    /**
     * The kit holds the adapter to a 1 s timeout; on a loaded machine the first request a freshly started
     * WireMock serves can take longer than that. An admin call (not journaled) warms it up first.
     */
    @BeforeEach
    void warmUpWireMock() {
        ExchangerFixtures.warmUp(baseUrl());
    }

    @Override
    protected PaymentProvider provider() {
        if (provider == null) {
            provider = new ExchangerProvider(config(baseUrl()));
        }
        return provider;
    }

    @Override
    protected PaymentIntent intent(String reference) {
        return cardIntent(reference);
    }

    @Override
    protected void stubCreated(PaymentIntent intent) {
        // The exchanger has no client reference: the stub tells orders apart by the IPN URL Paymux sends.
        wireMock().stubFor(createRequest()
                .withRequestBody(matchingJsonPath("$.ipnUrl", containing("paymuxRef=" + intent.reference())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(createdBody(intent))));
    }

    // The exchanger's order/create takes no client reference: the adapter remembers what it created.
    @Override
    protected CreateIdempotency createIdempotency() {
        return CreateIdempotency.adapterRemembers();
    }

    @Override
    protected MappingBuilder createRequest() {
        return post(urlPathEqualTo("/public/exchanger/order/create"));
    }

    @Override
    protected void stubCreateRefused(String message) {
        wireMock().stubFor(createRequest().willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(errorBody(message))));
    }

    @Override
    protected void stubFetched(PaymentIntent intent, String raw) {
        wireMock().stubFor(get(urlPathEqualTo("/public/exchanger/order/get"))
                .withQueryParam("orderUID", equalTo(uid(intent.reference())))
                .withQueryParam("orderSecret", equalTo(secret(intent.reference())))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fetchedBody(intent, raw))));
    }

    @Override
    protected Map<String, PaymentStatus> documentedStatuses() {
        return ExchangerStatuses.DOCUMENTED;
    }

    @Override
    protected CallbackRequest signedCallback(PaymentIntent intent, String raw) {
        return form(signed(ipnFields(intent, raw), IPN_SECRET));
    }

    @Override
    protected CallbackRequest unsignedCallback(PaymentIntent intent, String raw) {
        return form(ipnFields(intent, raw));
    }

    @Override
    protected CallbackRequest forgedCallback(PaymentIntent intent, String raw) {
        Map<String, String> fields = signed(ipnFields(intent, raw), IPN_SECRET);
        fields.put("outAmount", "5237.00"); // changed after signing
        return form(fields);
    }
}
