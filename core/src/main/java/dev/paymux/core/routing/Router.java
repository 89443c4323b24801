package dev.paymux.core.routing;

import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.spi.Quote;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Chooses the provider instance for a payment by what it costs the merchant. Every instance quotes (no
 * network call: quotes come from configured or cached fee schedules); instances that are excluded, not
 * the pinned one, unhealthy (circuit open) or unable to take the payment say why. Among the eligible the
 * lowest weighted cost wins; ties go to the better recent success rate, then the lower latency, then the
 * instance name, so the same inputs always give the same decision.
 */
public final class Router {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How the reason of an instance refused for its health begins. */
    static final String UNAVAILABLE = "unavailable: ";

    private static final Comparator<Candidate> ORDER = Comparator
            .comparing(Candidate::effectiveCost)
            .thenComparing(Candidate::successPerMille, Comparator.reverseOrder())
            .thenComparingLong(Candidate::latencyMillis)
            .thenComparing(Candidate::instance);

    public RouteDecision decide(PaymentIntent intent, Collection<PaymentProvider> providers, RoutingRules rules,
            Function<String, InstanceStats> stats) {
        return decide(intent, providers, rules, stats, Quoter.adapters());
    }

    public RouteDecision decide(PaymentIntent intent, Collection<PaymentProvider> providers, RoutingRules rules,
            Function<String, InstanceStats> stats, Quoter quoter) {
        List<Candidate> eligible = new ArrayList<>();
        List<Candidate> refused = new ArrayList<>();
        for (PaymentProvider p : providers) {
            String instance = p.instance();
            InstanceStats s = stats.apply(instance);
            String refusal = refusal(p, rules);
            if (refusal != null) {
                refused.add(notEligible(p, s, refusal));
                continue;
            }
            Quote q = quoter.quote(p, intent);
            if (!q.eligible()) {
                refused.add(notEligible(p, s, q.reason()));
                continue;
            }
            BigDecimal effective = q.cost().multiply(HUNDRED).divide(BigDecimal.valueOf(rules.weight(instance)),
                    MathContext.DECIMAL64);
            eligible.add(new Candidate(instance, p.type(), true, q.cost(), q.currency(), effective,
                    s.successPerMille(), s.latencyMillis(), null));
        }
        eligible.sort(ORDER);
        refused.sort(Comparator.comparing(Candidate::instance));
        List<Candidate> all = new ArrayList<>(eligible);
        all.addAll(refused);
        return new RouteDecision(all);
    }

    private static String refusal(PaymentProvider p, RoutingRules rules) {
        if (rules.pinned() != null && !rules.pinned().equals(p.instance())) {
            return "the store is pinned to " + rules.pinned();
        }
        if (rules.excluded().contains(p.instance())) {
            return "excluded by the store's rules";
        }
        ProviderHealth health = p.health();
        if (!health.up()) {
            return UNAVAILABLE + health.detail();
        }
        return null;
    }

    private static Candidate notEligible(PaymentProvider p, InstanceStats s, String reason) {
        return new Candidate(p.instance(), p.type(), false, null, null, null, s.successPerMille(), s.latencyMillis(),
                reason);
    }
}
