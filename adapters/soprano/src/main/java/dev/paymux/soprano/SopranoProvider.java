package dev.paymux.soprano;

import dev.paymux.adapter.http.ProviderErrors;
import dev.paymux.adapter.http.ProviderHttp;
import dev.paymux.adapter.http.ProviderResilience;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soprano Exchange, a fiat (card) payment gateway: {@code POST /payment/create} with {@code merchant_id},
 * a fiat {@code amount} and {@code currency}, answered with a hosted {@code payment_url}; {@code GET
 * /payment/{payment_id}} for reconciliation; {@code GET /health}; callbacks authenticated by the shared
 * secret in {@code X-Webhook-Secret}. One object is one configured instance, with its own circuit
 * breaker and retry.
 *
 * <p>Create is made idempotent on Paymux's reference by the adapter (Soprano's is not, see
 * {@link CreatedPayments}); concurrent creates for one reference share one call to Soprano.
 */
public final class SopranoProvider implements PaymentProvider {

    /** The provider type this adapter implements. */
    public static final String TYPE = "soprano";

    static final String API_KEY_HEADER = "X-API-Key";
    private static final int DEFAULT_REMEMBERED = 10_000;
    private static final Logger log = LoggerFactory.getLogger(SopranoProvider.class);

    private final SopranoConfig config;
    private final CreatedPayments createdPayments;
    private final SopranoClient client;
    private final SopranoMapping mapping;
    private final SopranoCallbacks callbacks;
    private final ProviderResilience resilience;
    private final SopranoHealthCheck healthCheck;
    private final Capabilities capabilities;
    private final ConcurrentMap<String, CompletableFuture<ProviderPayment>> inFlight = new ConcurrentHashMap<>();

    /** An instance that remembers the payments it created in memory (the latest {@value #DEFAULT_REMEMBERED}). */
    public SopranoProvider(SopranoConfig config) {
        this(config, CreatedPayments.inMemory(DEFAULT_REMEMBERED));
    }

    /** An instance that remembers the payments it created in {@code createdPayments}. */
    public SopranoProvider(SopranoConfig config, CreatedPayments createdPayments) {
        this(config, createdPayments, Clock.systemUTC());
    }

    SopranoProvider(SopranoConfig config, CreatedPayments createdPayments, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.createdPayments = Objects.requireNonNull(createdPayments, "createdPayments");
        ProviderErrors errors = SopranoErrors.of(config.instance());
        this.client = ProviderHttp.feign(config.resilience(), SopranoJson.CODEC, errors)
                .requestInterceptor(t -> t.header(API_KEY_HEADER, config.apiKey()).header("Accept", "application/json"))
                .target(SopranoClient.class, config.baseUrl());
        this.mapping = new SopranoMapping(config.instance(), config.merchantId(),
                SopranoStatuses.table(config.instance()));
        this.callbacks = new SopranoCallbacks(config.webhookSecret(), mapping);
        this.resilience = new ProviderResilience("soprano-" + config.instance(), config.resilience(), errors);
        this.healthCheck = new SopranoHealthCheck(client::health, resilience.circuitBreaker(),
                config.healthCacheTtl(), clock);
        // Soprano does not document callback retries, so Paymux polls fetch until a payment is final.
        this.capabilities = new Capabilities(config.methods(), true, false);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String instance() {
        return config.instance();
    }

    @Override
    public Capabilities capabilities() {
        return capabilities;
    }

    @Override
    public Quote quote(PaymentIntent intent) {
        if (intent.payCurrency() != null && !intent.payCurrency().equalsIgnoreCase(intent.currency())) {
            return Quote.notEligible(instance(), "Soprano does not convert " + intent.currency() + " to "
                    + intent.payCurrency());
        }
        if (intent.amount().stripTrailingZeros().scale() > SopranoMapping.SCALE) {
            return Quote.notEligible(instance(), "Soprano takes amounts with at most " + SopranoMapping.SCALE
                    + " decimals");
        }
        return Quote.fromMethods(instance(), capabilities, intent, SopranoMapping.SCALE);
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        CompletableFuture<ProviderPayment> mine = new CompletableFuture<>();
        CompletableFuture<ProviderPayment> running = inFlight.putIfAbsent(intent.reference(), mine);
        if (running != null) {
            return await(running);
        }
        try {
            ProviderPayment payment = createOnce(intent);
            mine.complete(payment);
            return payment;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(intent.reference(), mine);
        }
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        if (!instance().equals(reference.instance())) {
            throw new ProviderException(Kind.REJECTED, instance(), "the payment belongs to provider instance "
                    + reference.instance(), null);
        }
        return resilience.retried(() -> mapping.payment(client.get(reference.externalId()), false));
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        return callbacks.parse(request);
    }

    @Override
    public ProviderHealth health() {
        return healthCheck.health();
    }

    private ProviderPayment createOnce(PaymentIntent intent) {
        Optional<ProviderPayment> known = createdPayments.find(instance(), intent.reference());
        if (known.isPresent()) {
            return refreshed(known.get());
        }
        SopranoClient.CreatePayment request = mapping.createRequest(intent);
        // Not retried: a second POST after a lost answer would create a second payment at Soprano.
        ProviderPayment payment = resilience.once(() -> mapping.payment(client.create(request), true));
        createdPayments.remember(instance(), intent.reference(), payment);
        log.info("Soprano instance {} created payment {} for reference {}", instance(),
                payment.reference().externalId(), intent.reference());
        return payment;
    }

    // The payment created earlier, with its current status when Soprano can tell.
    private ProviderPayment refreshed(ProviderPayment known) {
        try {
            ProviderPayment now = fetch(known.reference());
            if (now.paymentUrl() != null) {
                return now;
            }
            return new ProviderPayment(now.reference(), now.status(), now.payAddress(), now.payAmount(),
                    now.payCurrency(), known.paymentUrl(), now.amountReceived(), now.txHash(), now.expiresAt());
        } catch (ProviderException e) {
            log.warn("Soprano instance {}: could not refresh payment {} ({}); answering it as created", instance(),
                    known.reference().externalId(), e.getMessage());
            return known;
        }
    }

    private static ProviderPayment await(CompletableFuture<ProviderPayment> running) {
        try {
            return running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "SopranoProvider[" + config.instance() + "]";
    }

    /** The instance's circuit breaker. */
    io.github.resilience4j.circuitbreaker.CircuitBreaker circuitBreaker() {
        return resilience.circuitBreaker();
    }
}
