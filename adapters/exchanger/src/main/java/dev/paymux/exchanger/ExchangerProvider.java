package dev.paymux.exchanger;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.spi.Refreshable;
import dev.paymux.core.spi.StatusTable;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exchanger-style order-route provider (the {@code public/exchanger/...} API): a payment is an
 * exchange order on a configured route, paid by the customer on the exchanger's page; the exchanger
 * pays the merchant out in the route's pay-out currency.
 *
 * <p>Its IPN is sent once and never retried, so {@link #capabilities()} says so and Paymux polls
 * {@link #fetch} until the payment is final. Its {@code order/create} takes no client reference and is
 * not idempotent: this instance never retries a create, and answers a repeated create for the same
 * reference from memory (see the module README for what that does and does not cover).
 */
public final class ExchangerProvider implements PaymentProvider, Refreshable {

    /** The provider type. */
    public static final String TYPE = "exchanger";

    private static final Logger log = LoggerFactory.getLogger(ExchangerProvider.class);
    private static final int REMEMBERED_CREATES = 10_000;
    private static final int LOCK_STRIPES = 64;

    private final ExchangerConfig config;
    private final ExchangerHttp http;
    private final ExchangerMapping mapping;
    private final ExchangerCallbacks callbacks;
    private final CircuitBreaker circuitBreaker;
    private final AtomicReference<List<ExchangerRoute>> routes;
    /** Why and when the last scheduled refresh failed, until one succeeds. */
    private final AtomicReference<String> refreshFailure = new AtomicReference<>();
    private final Map<String, ProviderPayment> created;
    private final Object[] createLocks = new Object[LOCK_STRIPES];

    /** An instance authorised by {@link ExchangerConfig#authHeader()} = {@link ExchangerConfig#apiKey()}, if set. */
    public ExchangerProvider(ExchangerConfig config) {
        this(config, config.apiKey() == null || config.apiKey().isBlank() ? RequestSigner.none()
                : RequestSigner.staticHeader(config.authHeader(), config.apiKey()));
    }

    /** An instance whose requests {@code signer} authorises. */
    public ExchangerProvider(ExchangerConfig config, RequestSigner signer) {
        this.config = config;
        StatusTable statuses = ExchangerStatuses.table(config.instance());
        this.http = new ExchangerHttp(config, signer);
        this.mapping = new ExchangerMapping(config, statuses);
        this.callbacks = new ExchangerCallbacks(config, statuses);
        this.circuitBreaker = http.resilience().circuitBreaker();
        this.routes = new AtomicReference<>(config.routes());
        this.created = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ProviderPayment> eldest) {
                return size() > REMEMBERED_CREATES;
            }
        });
        for (int i = 0; i < LOCK_STRIPES; i++) {
            createLocks[i] = new Object();
        }
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String instance() {
        return config.instance();
    }

    /** The instance's routes as they stand (configured, with limits and availability from the last refresh). */
    public List<ExchangerRoute> routes() {
        return routes.get();
    }

    /**
     * Reads {@code route/get} and updates the configured routes: limits become the intersection of the
     * configured ones and the exchanger's, and a route the exchanger no longer lists (or lists switched
     * off, or on other currencies) becomes unavailable. Routes the exchanger lists but the configuration
     * does not are not added: Paymux cannot send an order on them without the merchant's requisites.
     *
     * @return the routes now in use
     * @throws ProviderException when the exchanger cannot be read; the routes are then left as they were
     */
    public List<ExchangerRoute> refreshRoutes() {
        List<ExchangerMapping.ListedRoute> listed = guarded(true, "route/get",
                () -> mapping.routes(http.api().getRoutes()));
        Map<String, ExchangerMapping.ListedRoute> byId = listed.stream()
                .collect(Collectors.toMap(ExchangerMapping.ListedRoute::routeId, Function.identity(), (a, b) -> a));
        List<ExchangerRoute> refreshed = config.routes().stream().map(route -> refreshed(route, byId.get(route.routeId())))
                .toList();
        routes.set(refreshed);
        return refreshed;
    }

    /**
     * The scheduled refresh: {@link #refreshRoutes()}, keeping the routes as they were when the exchanger
     * cannot be read; the failure shows in {@link #health()} until a refresh succeeds.
     */
    @Override
    public void refresh() {
        try {
            refreshRoutes();
            refreshFailure.set(null);
        } catch (ProviderException e) {
            refreshFailure.set("last route refresh failed " + Instant.now() + ": " + e.getMessage());
            log.warn("exchanger instance {}: route refresh failed, keeping the routes as they were: {}", instance(),
                    e.getMessage());
        }
    }

    private ExchangerRoute refreshed(ExchangerRoute configured, ExchangerMapping.ListedRoute listed) {
        if (listed == null) {
            log.warn("exchanger instance {}: route {} is not listed by route/get; marking it unavailable",
                    instance(), configured.routeId());
            return configured.withLimits(configured.min(), configured.max(), false);
        }
        boolean sameEnds = listed.fromXml().equalsIgnoreCase(configured.fromCode())
                && listed.toXml().equalsIgnoreCase(configured.toCode());
        if (!sameEnds) {
            log.warn("exchanger instance {}: route {} now runs {} -> {}, configured {} -> {}; marking it unavailable",
                    instance(), configured.routeId(), Printable.of(listed.fromXml(), 20),
                    Printable.of(listed.toXml(), 20), configured.fromCode(), configured.toCode());
        }
        BigDecimal min = larger(configured.min(), listed.min());
        BigDecimal max = smaller(configured.max(), listed.max());
        if (min != null && max != null && min.compareTo(max) > 0) {
            return configured.withLimits(configured.min(), configured.max(), false);
        }
        return configured.withLimits(min, max, listed.enabled() && sameEnds);
    }

    @Override
    public Capabilities capabilities() {
        List<PayMethod> methods = routes.get().stream()
                .map(r -> new PayMethod(r.payCurrency(), r.min(), r.max(), r.fees(), r.available()))
                .toList();
        // The IPN is sent once and not retried: Paymux must poll fetch until the payment is final.
        return new Capabilities(methods, true, false);
    }

    @Override
    public Quote quote(PaymentIntent intent) {
        RouteChoice choice = RouteChoice.choose(routes.get(), intent);
        return choice.found() ? Quote.of(instance(), choice.cost(), choice.currency())
                : Quote.notEligible(instance(), choice.reason());
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        ProviderPayment known = created.get(intent.reference());
        if (known != null) {
            return known;
        }
        synchronized (createLocks[Math.floorMod(intent.reference().hashCode(), LOCK_STRIPES)]) {
            known = created.get(intent.reference());
            if (known != null) {
                return known;
            }
            RouteChoice choice = RouteChoice.choose(routes.get(), intent);
            if (!choice.found()) {
                throw new ProviderException(Kind.REJECTED, instance(), choice.reason(), null);
            }
            ExchangerRoute route = choice.route();
            Map<String, Object> body = mapping.createBody(intent, route);
            // Never retried: a lost answer may still have created an order, and a retry would make a second.
            ProviderPayment payment = guarded(false, "order/create",
                    () -> mapping.created(http.api().createOrder(body), route));
            created.put(intent.reference(), payment);
            log.info("exchanger instance {}: order {} created on route {} for payment {}", instance(),
                    payment.reference().externalId(), route.routeId(), intent.reference());
            return payment;
        }
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        if (!instance().equals(reference.instance())) {
            throw new ProviderException(Kind.REJECTED, instance(),
                    "the order belongs to instance " + reference.instance(), null);
        }
        if (reference.secret() == null) {
            throw new ProviderException(Kind.REJECTED, instance(),
                    "the order's secret is unknown, so the exchanger cannot be asked about it", null);
        }
        return guarded(true, "order/get",
                () -> mapping.fetched(http.api().getOrder(reference.externalId(), reference.secret()), reference));
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        CallbackResult result = callbacks.parse(request);
        if (result instanceof CallbackResult.Rejected rejected) {
            log.warn("exchanger instance {}: IPN rejected: {}", instance(), rejected.reason());
        }
        return result;
    }

    @Override
    public ProviderHealth health() {
        ProviderHealth health = circuitHealth();
        String failure = refreshFailure.get();
        return failure == null ? health : new ProviderHealth(health.up(), health.detail() + "; " + failure);
    }

    private ProviderHealth circuitHealth() {
        return switch (circuitBreaker.getState()) {
            case OPEN, FORCED_OPEN -> ProviderHealth.down("circuit open after repeated failures");
            case HALF_OPEN -> ProviderHealth.up("circuit half-open: trial calls pass");
            default -> routes.get().stream().anyMatch(ExchangerRoute::available)
                    ? ProviderHealth.up("circuit closed")
                    : ProviderHealth.down("no route is available");
        };
    }

    /** Runs a call through the circuit breaker (and the retry, when the call is safe to repeat). */
    private <T> T guarded(boolean retryable, String what, Supplier<T> call) {
        return http.resilience().call(retryable, call);
    }

    private static BigDecimal larger(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.max(b);
    }

    private static BigDecimal smaller(BigDecimal a, BigDecimal b) {
        return a == null ? b : b == null ? a : a.min(b);
    }
}
