package dev.paymux.soprano;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.testkit.CreateIdempotency;
import dev.paymux.testkit.ProviderConformanceKit;
import java.util.LinkedHashMap;
import java.util.Map;

/** Soprano against the conformance kit, with stubs and callbacks written from Soprano's documentation. */
class SopranoConformanceTest extends ProviderConformanceKit {

    private SopranoProvider provider;

    // One provider per test (the kit calls provider() repeatedly; idempotency lives in the instance).
    @Override
    protected PaymentProvider provider() {
        if (provider == null) {
            provider = new SopranoProvider(SopranoStubs.config(baseUrl(), ADAPTER_TIMEOUT));
        }
        return provider;
    }

    @Override
    protected PaymentIntent intent(String reference) {
        return SopranoStubs.intent(reference);
    }

    @Override
    protected void stubCreated(PaymentIntent intent) {
        SopranoStubs.stubCreated(wireMock(), intent);
    }

    // Soprano's create is not idempotent: the adapter remembers what it created (CreatedPayments).
    @Override
    protected CreateIdempotency createIdempotency() {
        return CreateIdempotency.adapterRemembers();
    }

    @Override
    protected MappingBuilder createRequest() {
        return SopranoStubs.createRequest();
    }

    @Override
    protected void stubCreateRefused(String message) {
        wireMock().stubFor(SopranoStubs.createRequest().willReturn(SopranoStubs.json(400,
                SopranoStubs.resource("error-400.json").replace("Invalid amount", message))));
    }

    @Override
    protected void stubFetched(PaymentIntent intent, String raw) {
        SopranoStubs.stubFetched(wireMock(), intent, raw);
    }

    @Override
    protected Map<String, PaymentStatus> documentedStatuses() {
        Map<String, PaymentStatus> statuses = new LinkedHashMap<>();
        statuses.put("pending", PaymentStatus.PENDING);
        statuses.put("success", PaymentStatus.COMPLETED);
        statuses.put("failed", PaymentStatus.FAILED);
        statuses.put("cancelled", PaymentStatus.FAILED);
        statuses.put("canceled", PaymentStatus.FAILED);
        statuses.put("expired", PaymentStatus.EXPIRED);
        return statuses;
    }

    @Override
    protected CallbackRequest signedCallback(PaymentIntent intent, String raw) {
        return SopranoStubs.callback(SopranoStubs.webhookBody(intent, raw), SopranoStubs.SECRET);
    }

    @Override
    protected CallbackRequest unsignedCallback(PaymentIntent intent, String raw) {
        return SopranoStubs.callback(SopranoStubs.webhookBody(intent, raw), null);
    }

    @Override
    protected CallbackRequest forgedCallback(PaymentIntent intent, String raw) {
        return SopranoStubs.callback(SopranoStubs.webhookBody(intent, raw), SopranoStubs.SECRET + "x");
    }
}
