package dev.paymux.testkit;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.spi.StatusTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small adapter for an imaginary provider ("demo": {@code POST /invoices} deduplicated by {@code order_id},
 * {@code GET /invoices/{id}}, callbacks with the shared secret in {@code X-Secret}), written the way the
 * guide asks. {@link Flaw} removes one thing the kit claims to catch, so the kit's own tests can show that
 * it does.
 */
final class DemoProvider implements PaymentProvider {

    /** One deliberate mistake, or none. */
    enum Flaw {
        NONE,
        /** Sends no order id: the provider cannot deduplicate. */
        NO_ORDER_ID,
        /** Sends a fresh random order id on every create. */
        RANDOM_ORDER_ID,
        /** Sends the same order id for every payment. */
        CONSTANT_ORDER_ID,
        /** Lists no pay methods (but still quotes). */
        NO_PAY_METHODS,
        /** Quotes nothing: every quote is ineligible. */
        NO_COST
    }

    static final String SECRET = "demo-secret";
    static final Map<String, PaymentStatus> STATUSES = Map.of("new", PaymentStatus.PENDING,
            "paid", PaymentStatus.COMPLETED, "expired", PaymentStatus.EXPIRED);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final Flaw flaw;
    private final boolean remembers;
    private final Duration timeout;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final StatusTable statuses = StatusTable.of(STATUSES, raw -> { });
    private final Map<String, ProviderPayment> created = new ConcurrentHashMap<>();

    /**
     * @param remembers true: the adapter answers a repeated create from memory, as for a provider whose
     *                  create is not idempotent; false: it relies on the provider's {@code order_id}
     */
    DemoProvider(String baseUrl, Duration timeout, Flaw flaw, boolean remembers) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.flaw = flaw;
        this.remembers = remembers;
    }

    @Override
    public String type() {
        return "demo";
    }

    @Override
    public String instance() {
        return "demo-1";
    }

    @Override
    public Capabilities capabilities() {
        List<PayMethod> methods = flaw == Flaw.NO_PAY_METHODS ? List.of()
                : List.of(new PayMethod("USD", new BigDecimal("1"), new BigDecimal("10000"),
                        FeeSchedule.percent(new BigDecimal("1.5")), true));
        return new Capabilities(methods, true, true);
    }

    @Override
    public Quote quote(PaymentIntent intent) {
        if (flaw == Flaw.NO_COST) {
            return Quote.notEligible(instance(), "fees are not known");
        }
        if (flaw == Flaw.NO_PAY_METHODS) {
            return Quote.of(instance(), BigDecimal.ZERO, intent.currency());
        }
        return Quote.fromMethods(instance(), capabilities(), intent, 2);
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        if (remembers) {
            ProviderPayment known = created.get(intent.reference());
            if (known != null) {
                return known;
            }
        }
        String orderId = switch (flaw) {
            case NO_ORDER_ID -> null;
            case RANDOM_ORDER_ID -> UUID.randomUUID().toString();
            case CONSTANT_ORDER_ID -> "order";
            default -> intent.reference();
        };
        StringBuilder body = new StringBuilder("{\"amount\":\"").append(intent.amount().toPlainString())
                .append("\",\"currency\":\"").append(intent.currency()).append('"');
        if (orderId != null) {
            body.append(",\"order_id\":\"").append(orderId).append('"');
        }
        body.append('}');
        ProviderPayment payment = payment(send(HttpRequest.newBuilder(URI.create(baseUrl + "/invoices"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))));
        if (remembers) {
            created.put(intent.reference(), payment);
        }
        return payment;
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        return payment(send(HttpRequest.newBuilder(URI.create(baseUrl + "/invoices/" + reference.externalId())).GET()));
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        if (!SECRET.equals(request.header("X-Secret"))) {
            return new CallbackResult.Rejected("missing or wrong X-Secret");
        }
        JsonNode node = tree(request.bodyText());
        if (node == null || !node.path("id").isString() || !node.path("status").isString()) {
            return new CallbackResult.Rejected("not a demo callback");
        }
        String status = node.path("status").asString();
        return new CallbackResult.Accepted(new ProviderUpdate(node.path("order_id").asString(null),
                node.path("id").asString(), statuses.map(status), null, null, null,
                node.path("id").asString() + ":" + status), 200, "ok");
    }

    private JsonNode send(HttpRequest.Builder request) {
        HttpResponse<String> response;
        try {
            response = http.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException(Kind.UNAVAILABLE, instance(), "demo could not be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(Kind.UNAVAILABLE, instance(), "interrupted", e);
        }
        if (response.statusCode() >= 500) {
            throw new ProviderException(Kind.UNAVAILABLE, instance(), "demo is unavailable", null);
        }
        JsonNode node = tree(response.body());
        if (response.statusCode() >= 400) {
            throw new ProviderException(Kind.REJECTED, instance(), "demo refused: "
                    + (node == null ? "HTTP " + response.statusCode() : node.path("message").asString("")), null);
        }
        if (node == null || !node.path("id").isString()) {
            throw new ProviderException(Kind.MALFORMED, instance(), "demo answered garbage", null);
        }
        return node;
    }

    private ProviderPayment payment(JsonNode node) {
        return new ProviderPayment(new ProviderReference(instance(), node.path("id").asString(), null),
                statuses.map(node.path("status").asString()), null, null, null, node.path("url").asString(null),
                null, null, null);
    }

    private static JsonNode tree(String text) {
        try {
            return text == null || text.isBlank() ? null : JSON.readTree(text);
        } catch (JacksonException e) {
            return null;
        }
    }
}
