package dev.paymux.cryptomus;


import dev.paymux.adapter.http.JsonCodec;
import dev.paymux.adapter.http.ProviderErrors;
import dev.paymux.adapter.http.ProviderHttp;
import dev.paymux.adapter.http.ProviderResilience;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.OperatorActions;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.spi.Refreshable;
import dev.paymux.core.spi.StatusTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Paymux's adapter for Cryptomus invoices ({@code https://doc.cryptomus.com}). One instance per configured
 * merchant account.
 *
 * <ul>
 *   <li>{@link #create} posts {@code /v1/payment} with {@code order_id} = Paymux's reference, which Cryptomus
 *       answers with the existing invoice when it already has one: create is idempotent and safely retried.</li>
 *   <li>{@link #fetch} posts {@code /v1/payment/info}; {@link #fetchByReference} asks by {@code order_id}.</li>
 *   <li>{@link #refreshServices()} reads {@code /v1/payment/services} into the cached capabilities that
 *       {@link #capabilities()} and {@link #quote} serve without a network call; until the first refresh the
 *       configured limits and fees apply.</li>
 *   <li>{@link #testWebhook} and {@link #resend} are the operator's tools.</li>
 * </ul>
 *
 * Every call goes through the instance's circuit breaker and retry (unavailability only).
 */
public final class CryptomusProvider implements PaymentProvider, Refreshable, OperatorActions {

    /** The provider type. */
    public static final String TYPE = "cryptomus";

    private static final Logger LOG = LoggerFactory.getLogger(CryptomusProvider.class);

    private final CryptomusConfig config;
    private final CryptomusApi api;
    private final CryptomusMapping mapping;
    private final CryptomusCallbacks callbacks;
    private final CryptomusActions actions;
    private final ProviderResilience resilience;
    private final AtomicReference<Services> services = new AtomicReference<>();
    private final AtomicReference<RefreshFailure> refreshFailure = new AtomicReference<>();

    /** Why and when the last scheduled refresh failed. */
    private record RefreshFailure(String reason, Instant at) {
    }

    /** The methods and when they were read from Cryptomus. */
    private record Services(Map<String, PayMethod> methods, Instant refreshedAt) {
    }

    public CryptomusProvider(CryptomusConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        StatusTable statuses = CryptomusStatuses.table(config.instance());
        this.mapping = new CryptomusMapping(config, statuses);
        CryptomusSignature signature = new CryptomusSignature(config.merchantId(), config.apiKey());
        this.callbacks = new CryptomusCallbacks(config.instance(), signature, mapping, config.callbackIps());
        this.actions = new CryptomusActions(config);
        CryptomusCodec codec = new CryptomusCodec();
        ProviderErrors errors = codec.errors(config.instance());
        this.api = ProviderHttp.feign(config.resilience(), codec.encoder(), JsonCodec.standard(), errors)
                .requestInterceptor(signature.interceptor())
                .target(CryptomusApi.class, config.baseUrl());
        // Create is retried too: Cryptomus answers a known order_id with the invoice it already has.
        this.resilience = new ProviderResilience(TYPE + "-" + config.instance(), config.resilience(), errors);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String instance() {
        return config.instance();
    }

    /** The asset methods from the last {@link #refreshServices()}, or from configuration before it. */
    @Override
    public Capabilities capabilities() {
        Services cached = services.get();
        List<PayMethod> methods = cached != null ? List.copyOf(cached.methods().values())
                : config.assets().stream()
                        .map(a -> new PayMethod(a.asset(), a.min(), a.max(), a.fees(), true)).toList();
        // Cryptomus documents no webhook retries (only a manual resend), so Paymux also polls.
        return new Capabilities(methods, true, false);
    }

    /**
     * The cost of an intent without a network call. An invoice in an asset is quoted from that asset's
     * method (limits and fees in the asset). An invoice in a configured fiat currency is checked against the
     * fiat limits and, when a pay asset is named, that asset's availability; its cost is the percentage and
     * FX spread in the fiat currency (a fixed fee in the asset cannot be converted without a rate).
     */
    @Override
    public Quote quote(PaymentIntent intent) {
        Capabilities caps = capabilities();
        CryptomusAsset invoiceAsset = config.asset(intent.currency());
        if (invoiceAsset != null) {
            return Quote.fromMethods(instance(), caps, intent, 8);
        }
        CryptomusFiat fiat = config.fiat(intent.currency());
        if (fiat == null) {
            return Quote.notEligible(instance(), intent.currency() + " is not supported");
        }
        if (!fiat.accepts(intent.amount())) {
            return Quote.notEligible(instance(), "amount " + intent.amount().toPlainString() + " "
                    + fiat.currency() + " is outside the limits");
        }
        if (intent.payCurrency() == null) {
            return Quote.of(instance(), fiat.fees().cost(intent.amount(), true, 2), fiat.currency());
        }
        PayMethod method = caps.method(intent.payCurrency()).orElse(null);
        if (method == null) {
            return Quote.notEligible(instance(), intent.payCurrency() + " is not supported");
        }
        if (!method.available()) {
            return Quote.notEligible(instance(), intent.payCurrency() + " is currently unavailable at the provider");
        }
        FeeSchedule f = method.fees();
        FeeSchedule percentOnly = new FeeSchedule(f.percent(), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                f.fxSpreadPercent());
        return Quote.of(instance(), percentOnly.cost(intent.amount(), true, 2), fiat.currency());
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        return create(intent, CryptomusPaymentOptions.none());
    }

    /**
     * {@link #create(PaymentIntent)} with Cryptomus's own invoice parameters ({@code accuracy_payment_percent},
     * {@code additional_data}, {@code is_payment_multiple}); unset ones come from the configuration's defaults.
     */
    public ProviderPayment create(PaymentIntent intent, CryptomusPaymentOptions options) {
        Map<String, Object> body;
        try {
            body = mapping.invoice(intent, options);
        } catch (CallFailure f) {
            throw new ProviderException(f.kind, instance(), f.getMessage(), f);
        }
        return call("create", () -> mapping.payment(api.createPayment(body), intent.reference()));
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uuid", reference.externalId());
        return call("payment info", () -> mapping.payment(api.paymentInfo(body), null));
    }

    /** The invoice Cryptomus holds for Paymux's reference ({@code order_id}), e.g. after a create whose answer was lost. */
    public ProviderPayment fetchByReference(String paymentReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", paymentReference);
        return call("payment info", () -> mapping.payment(api.paymentInfo(body), paymentReference));
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        return callbacks.parse(request);
    }

    /**
     * Reads {@code /v1/payment/services} and replaces the cached methods (availability, limits, commission).
     * The application calls it periodically; on failure the previous cache stays and the error is thrown.
     *
     * @return the methods now served by {@link #capabilities()}
     */
    public List<PayMethod> refreshServices() {
        Map<String, PayMethod> methods = call("service list", () -> mapping.services(api.services(new LinkedHashMap<>())));
        services.set(new Services(methods, Instant.now()));
        return List.copyOf(methods.values());
    }

    /**
     * The scheduled refresh: {@link #refreshServices()}, keeping the previous list when Cryptomus cannot be
     * read; the failure shows in {@link #health()} until a refresh succeeds.
     */
    @Override
    public void refresh() {
        try {
            List<PayMethod> methods = refreshServices();
            refreshFailure.set(null);
            LOG.debug("Cryptomus instance {}: service list refreshed, {} methods", instance(), methods.size());
        } catch (ProviderException e) {
            refreshFailure.set(new RefreshFailure(e.getMessage(), Instant.now()));
            LOG.warn("Cryptomus instance {}: service list refresh failed, keeping the previous one: {}", instance(),
                    e.getMessage());
        }
    }

    /** When {@link #refreshServices()} last succeeded, or null. */
    public Instant servicesRefreshedAt() {
        Services s = services.get();
        return s == null ? null : s.refreshedAt();
    }

    /**
     * Asks Cryptomus to send a test webhook ({@code /v1/test-webhook/payment}) to {@code callbackUrl}.
     *
     * @param asset      a configured Paymux asset (gives {@code currency} and {@code network})
     * @param status     the Cryptomus {@code payment_status} to send, e.g. {@code paid}
     * @param externalId an existing invoice's uuid to use, or null for a test invoice
     */
    public void testWebhook(String callbackUrl, String asset, String status, String externalId) {
        CryptomusAsset a = config.asset(asset);
        if (a == null) {
            throw new ProviderException(ProviderException.Kind.REJECTED, instance(),
                    asset + " is not configured for Cryptomus instance " + instance(), null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url_callback", callbackUrl);
        body.put("currency", a.currency());
        body.put("network", a.network());
        if (externalId != null) {
            body.put("uuid", externalId);
        }
        body.put("status", status);
        call("test webhook", () -> CryptomusMapping.result(api.testWebhook(body)));
    }

    /** Asks Cryptomus to send the last webhook of the invoice for Paymux's {@code paymentReference} again. */
    public void resend(String paymentReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order_id", paymentReference);
        call("resend webhook", () -> CryptomusMapping.result(api.resend(body)));
    }

    /** {@code test-webhook} and {@code resend}, see {@link #run}. */
    @Override
    public List<ActionInfo> actions() {
        return CryptomusActions.ACTIONS;
    }

    /**
     * {@code test-webhook}: {@code /v1/test-webhook/payment} to the instance's Paymux callback address, with
     * {@code asset} (or {@code currency} and {@code network}), {@code status} (default {@code paid}) and
     * optionally an existing invoice ({@code uuid}, {@code order_id} or the named payment).
     * {@code resend}: {@code /v1/payment/resend} for the invoice given by {@code uuid}, {@code order_id} or
     * the named payment. Both are signed like every call and go through the circuit breaker.
     */
    @Override
    public ActionResult run(String action, Map<String, String> params, ActionContext context) {
        Objects.requireNonNull(params, "params");
        CryptomusActions.info(instance(), action);
        Map<String, Object> body;
        String summary;
        if (action.equals(CryptomusActions.TEST_WEBHOOK)) {
            body = actions.testWebhook(params, context);
            call("test webhook", () -> CryptomusMapping.result(api.testWebhook(body)));
            summary = "Cryptomus accepted the test webhook (" + body.get("status") + ", " + body.get("currency")
                    + " on " + body.get("network") + ") to " + body.get("url_callback");
        } else {
            body = actions.resend(params, context);
            call("resend webhook", () -> CryptomusMapping.result(api.resend(body)));
            summary = "Cryptomus accepted the resend of the invoice's last webhook";
        }
        LOG.info("Cryptomus instance {}: operator action {} accepted", instance(), action);
        Map<String, String> details = new LinkedHashMap<>();
        body.forEach((k, v) -> details.put(k, String.valueOf(v)));
        return new ActionResult(summary, details);
    }

    /**
     * DOWN while the circuit is open; otherwise UP with the circuit's state, the service list's age and the
     * last failed {@link #refresh()}, if any since the last successful one.
     */
    @Override
    public ProviderHealth health() {
        CircuitBreaker.State state = resilience.circuitBreaker().getState();
        if (state == CircuitBreaker.State.OPEN || state == CircuitBreaker.State.FORCED_OPEN) {
            return ProviderHealth.down("circuit breaker open after repeated Cryptomus failures");
        }
        Instant refreshed = servicesRefreshedAt();
        RefreshFailure failure = refreshFailure.get();
        return ProviderHealth.up("circuit " + state.name().toLowerCase(Locale.ROOT)
                + (refreshed == null ? ", service list not read yet" : ", service list read " + refreshed)
                + (failure == null ? "" : ", last refresh failed " + failure.at() + ": " + failure.reason()));
    }

    /** The circuit breaker, for the application's metrics and health wiring. */
    public CircuitBreaker circuitBreaker() {
        return resilience.circuitBreaker();
    }

    // ---- the call path: the shared retry around circuit breaker around one HTTP call ----

    private <T> T call(String what, Supplier<T> request) {
        try {
            return resilience.retried(() -> {
                try {
                    return request.get();
                } catch (CallFailure f) {
                    // An answer that says it failed (state != 0) or does not read as what was asked.
                    throw new ProviderException(f.kind, instance(), prefix(f.kind, what) + f.getMessage(), f);
                }
            });
        } catch (ProviderException e) {
            if (e.kind() != ProviderException.Kind.REJECTED) {
                LOG.warn("Cryptomus instance {} {}: {} {}", instance(), what, e.kind(), e.getMessage());
            }
            throw e;
        }
    }

    private static String prefix(ProviderException.Kind kind, String what) {
        return switch (kind) {
            case REJECTED -> "Cryptomus refused the " + what + ": ";
            case UNAVAILABLE -> "Cryptomus is unavailable (" + what + "): ";
            case MALFORMED -> "Cryptomus answered the " + what + " unreadably: ";
        };
    }

    @Override
    public String toString() {
        return "CryptomusProvider[" + config.instance() + "]";
    }
}
