package dev.paymux.core.routing;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.CreatePayment;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.payment.PaymentException.Reason;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.PaymentService.Created;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.core.routing.RouteAttempt.Outcome;
import dev.paymux.core.store.Store;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Creates a payment at the provider instance the {@link Router} chooses, failing over to the next
 * candidate when the chosen one cannot take it.
 *
 * <p>The payment is stored {@code queued} together with the decision (all candidates, costs and
 * reasons) before any provider is called, and no database transaction is held during a provider call.
 * Each call is an attempt recorded before it starts. A refusal is definite, so the next candidate is
 * tried. A timeout, 5xx, open circuit or unreadable answer leaves the outcome unknown: the attempt is
 * marked abandoned and is never linked to the payment, so whatever that provider may have made is not
 * the payment's (its callbacks are recorded, not applied) and exactly one provider payment is live —
 * the one that answered. Failover stops when the time budget is spent; the payment then stays queued
 * and a retry with the same {@code order_id} resumes routing with the same payment id, which is the
 * reference every provider is given. A routing lease on the payment keeps two requests from routing it at
 * once. A store handed to one provider instance is routed the same way, with that one candidate.
 */
public final class RoutedCheckout {

    /**
     * @param budget       how long failover may go on for one request (each provider call is bounded by
     *                     its adapter's timeouts; no new attempt starts after the budget is spent)
     * @param recheck      when the first reconciliation check of a new provider payment is due
     * @param statsWindow  how far back an instance's success rate and latency are measured
     * @param callAllowance the longest one provider call may take (its adapter's timeouts and retries): the
     *                      routing lease is renewed for this long before each attempt, so no other request
     *                      routes the payment while a call may still be running, and a crashed one frees it
     */
    public record Settings(Duration budget, Duration recheck, Duration statsWindow, Duration callAllowance) {
    }

    /** Who turns the merchant's price into what the customer pays. */
    public enum Conversion {
        /** Paymux converts at its rates: a provider is asked for the payment's amount in its asset. */
        PAYMUX,
        /**
         * The provider converts: it is asked for the price itself (a fiat amount, or an amount in an asset),
         * paid in the asset the merchant named, or else in what the provider's page offers.
         */
        PROVIDER
    }

    private final PaymentService service;
    private final Payments payments;
    private final ProviderPayments links;
    private final RouteDecisions decisions;
    private final RouteAttempts attempts;
    private final Router router;
    private final Quoter quoter;
    private final Supplier<Collection<PaymentProvider>> routable;
    private final Function<String, Optional<PaymentProvider>> find;
    private final Function<String, String> callbackUrl;
    private final Transactions tx;
    private final Clock clock;
    private final Settings settings;
    private final RoutingListener listener;

    public RoutedCheckout(PaymentService service, Payments payments, ProviderPayments links, RouteDecisions decisions,
            RouteAttempts attempts, Router router, Quoter quoter, Supplier<Collection<PaymentProvider>> routable,
            Function<String, Optional<PaymentProvider>> find, Function<String, String> callbackUrl, Transactions tx,
            Clock clock, Settings settings, RoutingListener listener) {
        this.service = service;
        this.payments = payments;
        this.links = links;
        this.decisions = decisions;
        this.attempts = attempts;
        this.router = router;
        this.quoter = quoter;
        this.routable = routable;
        this.find = find;
        this.callbackUrl = callbackUrl;
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        this.listener = listener;
    }

    /**
     * Creates and routes a payment. A payment awaiting the customer's choice of asset is returned as
     * created ({@code selecting}); {@link #choose} routes it later. The same {@code order_id} returns the
     * earlier payment, resuming its routing if no provider took it yet.
     */
    public Created create(Store store, CreatePayment cmd, StoreRouting routing, Conversion conversion) {
        Decided decided = new Decided(store, routing.rules(), conversion);
        Created created = conversion == Conversion.PROVIDER ? service.createAtProvider(store, cmd, decided::hold)
                : service.createHeld(store, cmd, decided::hold);
        if (created.created()) {
            return decided.intent == null ? created
                    : new Created(attempt(created.payment(), decided.intent, decided.decision, routing), true);
        }
        return new Created(resume(created.payment(), store, routing), false);
    }

    /** The customer's choice of asset on the selection page: routes the payment in that asset. */
    public Payment choose(String token, Asset asset, Store store, StoreRouting routing) {
        Decided decided = new Decided(store, routing.rules(), Conversion.PAYMUX);
        Payment chosen = service.chooseHeld(token, asset, decided::hold);
        if (decided.intent == null) {
            return resume(chosen, store, routing);
        }
        return attempt(chosen, decided.intent, decided.decision, routing);
    }

    /** What the router would decide now for an amount in an asset (the selection page's availability). */
    public RouteDecision preview(Store store, Asset asset, BigDecimal amount, RoutingRules rules) {
        PaymentIntent intent = new PaymentIntent("preview", amount, asset.name(), asset.name(), store.lifetime(), null,
                null, null);
        return decide(intent, rules);
    }

    private RouteDecision decide(PaymentIntent intent, RoutingRules rules) {
        var stats = attempts.stats(clock.instant().minus(settings.statsWindow()));
        return router.decide(intent, routable.get(), rules, i -> stats.getOrDefault(i, InstanceStats.unknown()), quoter);
    }

    /** Runs in the creating transaction, right after the payment is stored. */
    private final class Decided {
        private final Store store;
        private final RoutingRules rules;
        private final Conversion conversion;
        PaymentIntent intent;
        RouteDecision decision;

        Decided(Store store, RoutingRules rules, Conversion conversion) {
            this.store = store;
            this.rules = rules;
            this.conversion = conversion;
        }

        void hold(Payment payment) {
            PaymentIntent i = conversion == Conversion.PROVIDER ? priceIntent(payment, store) : intentOf(payment, store);
            RouteDecision d = decide(i, rules);
            if (d.order().isEmpty()) {
                // Thrown inside the creating transaction: nothing is written.
                throw noCandidate(d);
            }
            Instant now = clock.instant();
            decisions.record(payment.id(), i, d, now);
            decisions.lease(payment.id(), now, leaseEnd(now));
            intent = i;
            decision = d;
        }
    }

    private Instant leaseEnd(Instant now) {
        return now.plus(settings.callAllowance());
    }

    private static RuntimeException noCandidate(RouteDecision d) {
        if (d.waitingForRecovery()) {
            return new ProviderUnavailableException(reasons(d), null);
        }
        return new PaymentException(Reason.UNPROCESSABLE, "no payment provider can take this payment: " + reasons(d));
    }

    /** The price itself, for a provider that converts it: see {@link Conversion#PROVIDER}. */
    private static PaymentIntent priceIntent(Payment payment, Store store) {
        Price price = payment.price();
        return new PaymentIntent(payment.id().toString(), price.amount(), price.currency(),
                payment.asset() == null ? null : payment.asset().name(), store.lifetime(), null, null,
                payment.snapshot().orderId());
    }

    /** What an earlier request asked the providers for, so a resumed payment asks the same. */
    private static PaymentIntent storedIntent(Payment payment, StoredRoute route, Store store) {
        return new PaymentIntent(payment.id().toString(), route.amount(), route.currency(), route.payCurrency(),
                store.lifetime(), null, null, payment.snapshot().orderId());
    }

    private static PaymentIntent intentOf(Payment payment, Store store) {
        String asset = payment.asset().name();
        return new PaymentIntent(payment.id().toString(), payment.amountRequested(), asset, asset, store.lifetime(),
                null, null, payment.snapshot().orderId());
    }

    /** An earlier payment: routed again only when it is still queued, no provider holds it and no one else routes it. */
    private Payment resume(Payment payment, Store store, StoreRouting routing) {
        RoutingRules rules = routing.rules();
        if (payment.status() != PaymentStatus.QUEUED) {
            return payment;
        }
        Optional<StoredRoute> stored = tx.inTransaction(() -> decisions.find(payment.id()));
        if (stored.isEmpty() || stored.get().placedAt() != null) {
            return payment;
        }
        Decided decided = new Decided(store, rules, Conversion.PAYMUX);
        Payment locked = tx.inTransaction(() -> {
            Payment p = payments.lock(payment.id()).orElseThrow();
            Instant now = clock.instant();
            if (p.status() != PaymentStatus.QUEUED || !decisions.lease(p.id(), now, leaseEnd(now))) {
                return p;
            }
            PaymentIntent i = storedIntent(p, stored.get(), store);
            RouteDecision d = decide(i, rules);
            decisions.record(p.id(), i, d, now);
            decided.intent = i;
            decided.decision = d;
            return p;
        });
        if (decided.intent == null) {
            return locked;
        }
        if (decided.decision.order().isEmpty()) {
            tx.inTransaction(() -> {
                decisions.released(payment.id());
                return null;
            });
            throw noCandidate(decided.decision);
        }
        return attempt(locked, decided.intent, decided.decision, routing);
    }

    private Payment attempt(Payment payment, PaymentIntent intent, RouteDecision decision, StoreRouting routing) {
        Instant deadline = clock.instant().plus(settings.budget());
        String refusal = null;
        ProviderException unknown = null;
        for (Candidate candidate : decision.order()) {
            if (!clock.instant().isBefore(deadline)) {
                break;
            }
            Optional<PaymentProvider> provider = find.apply(candidate.instance());
            if (provider.isEmpty()) {
                continue;
            }
            long attempt = tx.inTransaction(() -> {
                decisions.renew(payment.id(), leaseEnd(clock.instant()));
                return attempts.started(payment.id(), candidate.instance(), clock.instant());
            });
            long started = System.nanoTime();
            try {
                PaymentIntent asked = forCandidate(intent, candidate, routing);
                ProviderPayment created = provider.get().create(asked);
                long ms = millisSince(started);
                listener.attempted(candidate.instance(), Outcome.CREATED, ms);
                return tx.inTransaction(() -> placeAt(payment, provider.get(), created, asked.amount(), candidate, decision,
                        attempt, ms));
            } catch (ProviderException e) {
                Outcome outcome = e.kind() == ProviderException.Kind.REJECTED ? Outcome.REJECTED : Outcome.ABANDONED;
                finish(attempt, outcome, e.getMessage(), millisSince(started), candidate.instance());
                if (outcome == Outcome.REJECTED) {
                    refusal = e.getMessage();
                } else {
                    unknown = e;
                }
            } catch (RuntimeException e) {
                // An adapter that throws something else has an unknown outcome too.
                finish(attempt, Outcome.ABANDONED, "unexpected " + e.getClass().getSimpleName(), millisSince(started),
                        candidate.instance());
                unknown = new ProviderException(ProviderException.Kind.UNAVAILABLE, candidate.instance(),
                        "unexpected failure", e);
            }
        }
        return noneTook(payment, refusal, unknown);
    }

    private Payment noneTook(Payment payment, String refusal, ProviderException unknown) {
        if (unknown != null || refusal == null) {
            tx.inTransaction(() -> {
                decisions.released(payment.id());
                return null;
            });
            throw new ProviderUnavailableException(unknown == null ? "no provider was reached in time"
                    : unknown.getMessage(), unknown);
        }
        // Every candidate that answered refused: retrying will not help.
        String reason = "every payment provider refused the payment: " + refusal;
        tx.inTransaction(() -> {
            Payment p = payments.lock(payment.id()).orElseThrow();
            if (p.status() == PaymentStatus.QUEUED) {
                p.refuse(reason, clock.instant());
                payments.update(p);
            }
            decisions.released(p.id());
            return null;
        });
        throw new PaymentException(Reason.UNPROCESSABLE, reason);
    }

    private Payment placeAt(Payment payment, PaymentProvider provider, ProviderPayment created, BigDecimal asked,
            Candidate candidate, RouteDecision decision, long attempt, long ms) {
        Instant now = clock.instant();
        Payment p = payments.lock(payment.id()).orElseThrow();
        boolean isNative = NATIVE.equals(provider.type());
        if (!isNative) {
            if (p.status() != PaymentStatus.QUEUED) {
                attempts.finished(attempt, Outcome.ABANDONED, "the payment was " + p.status().wire()
                        + " when the provider answered", ms, now);
                decisions.released(p.id());
                return p;
            }
            BigDecimal amount = created.payAmount() != null ? created.payAmount() : asked;
            p.handOver(created.payAddress(), amount, now,
                    created.expiresAt() != null ? created.expiresAt() : p.expiresAt());
            payments.update(p);
            links.link(p.id(), created.reference(), created.status().raw(), created.paymentUrl(),
                    now.plus(settings.recheck()), now);
        }
        attempts.finished(attempt, Outcome.CREATED, null, ms, now);
        BigDecimal max = decision.order().stream().map(Candidate::cost).max(BigDecimal::compareTo).orElseThrow();
        decisions.placed(p.id(), candidate.instance(), candidate.cost(), max.subtract(candidate.cost()));
        decisions.find(p.id()).ifPresent(listener::placed);
        return p;
    }

    private void finish(long attempt, Outcome outcome, String error, long ms, String instance) {
        tx.inTransaction(() -> {
            attempts.finished(attempt, outcome, error, ms, clock.instant());
            return null;
        });
        listener.attempted(instance, outcome, ms);
    }

    /** The intent as one candidate gets it: its callback URL, and its fee on top when the customer pays fees. */
    private PaymentIntent forCandidate(PaymentIntent i, Candidate c, StoreRouting routing) {
        return new PaymentIntent(i.reference(), routing.customerAmount(i.amount(), c.cost()), i.currency(),
                i.payCurrency(), i.lifetime(), callbackUrl.apply(c.instance()), i.returnUrl(), i.description());
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    static String reasons(RouteDecision d) {
        if (d.candidates().isEmpty()) {
            return "no provider instance is configured";
        }
        return d.candidates().stream().map(c -> c.instance() + ": " + c.reason()).collect(Collectors.joining("; "));
    }

    private static final String NATIVE = "native";
}
