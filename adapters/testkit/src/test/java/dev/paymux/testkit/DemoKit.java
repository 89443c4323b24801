package dev.paymux.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

/**
 * The kit pointed at {@link DemoProvider}. Its create stub trusts the adapter: it answers every create with
 * the same invoice whatever the request carries, so only the kit's reading of the request journal can tell
 * an idempotent adapter from a broken one.
 */
abstract class DemoKit extends ProviderConformanceKit {

    private static final String INVOICE = "inv-1";

    private final DemoProvider.Flaw flaw;
    private final boolean remembers;
    private DemoProvider provider;

    DemoKit(DemoProvider.Flaw flaw, boolean remembers) {
        this.flaw = flaw;
        this.remembers = remembers;
    }

    @Override
    protected PaymentProvider provider() {
        if (provider == null) {
            provider = new DemoProvider(baseUrl(), ADAPTER_TIMEOUT, flaw, remembers);
        }
        return provider;
    }

    @Override
    protected PaymentIntent intent(String reference) {
        return new PaymentIntent(reference, new BigDecimal("25.00"), "USD", null, Duration.ofMinutes(30),
                "https://paymux.test/cb", null, null);
    }

    @Override
    protected void stubCreated(PaymentIntent intent) {
        wireMock().stubFor(createRequest().willReturn(json(200, invoice("new"))));
    }

    @Override
    protected CreateIdempotency createIdempotency() {
        return remembers ? CreateIdempotency.adapterRemembers() : CreateIdempotency.jsonField("order_id");
    }

    @Override
    protected MappingBuilder createRequest() {
        return post(urlEqualTo("/invoices"));
    }

    @Override
    protected void stubCreateRefused(String message) {
        wireMock().stubFor(createRequest().willReturn(json(422, "{\"message\":\"" + message + "\"}")));
    }

    @Override
    protected void stubFetched(PaymentIntent intent, String raw) {
        wireMock().stubFor(get(urlEqualTo("/invoices/" + INVOICE)).willReturn(json(200, invoice(raw))));
    }

    @Override
    protected Map<String, PaymentStatus> documentedStatuses() {
        return DemoProvider.STATUSES;
    }

    @Override
    protected CallbackRequest signedCallback(PaymentIntent intent, String raw) {
        return CallbackRequest.json(callback(intent, raw), Map.of("X-Secret", DemoProvider.SECRET));
    }

    @Override
    protected CallbackRequest unsignedCallback(PaymentIntent intent, String raw) {
        return CallbackRequest.json(callback(intent, raw), Map.of());
    }

    @Override
    protected CallbackRequest forgedCallback(PaymentIntent intent, String raw) {
        return CallbackRequest.json(callback(intent, raw), Map.of("X-Secret", "guessed"));
    }

    private static String callback(PaymentIntent intent, String raw) {
        return "{\"id\":\"" + INVOICE + "\",\"order_id\":\"" + intent.reference() + "\",\"status\":\"" + raw + "\"}";
    }

    private static String invoice(String status) {
        return "{\"id\":\"" + INVOICE + "\",\"status\":\"" + status + "\",\"url\":\"https://demo.test/pay/" + INVOICE
                + "\"}";
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The correct demo adapter, relying on the provider's order id, passes the whole kit. */
    static class ByOrderIdTest extends DemoKit {
        ByOrderIdTest() {
            super(DemoProvider.Flaw.NONE, false);
        }
    }

    /** The correct demo adapter, remembering what it created, passes the whole kit. */
    static class RememberingTest extends DemoKit {
        RememberingTest() {
            super(DemoProvider.Flaw.NONE, true);
        }
    }
}
