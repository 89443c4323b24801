package dev.paymux.core.routing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The router's answer for one payment: every candidate, eligible ones first in the order they would be
 * tried, with the costs and reasons behind the choice.
 */
public record RouteDecision(List<Candidate> candidates) {

    public RouteDecision {
        candidates = List.copyOf(candidates);
    }

    /** The eligible instances in the order to try them: the first is the choice, the rest the failover order. */
    public List<Candidate> order() {
        return candidates.stream().filter(Candidate::eligible).toList();
    }

    /**
     * Whether no instance is eligible only for now: some instance that could be asked is down (its circuit
     * is open). A retry may then succeed, unlike when every instance refuses the payment itself.
     */
    public boolean waitingForRecovery() {
        return order().isEmpty() && candidates.stream()
                .anyMatch(c -> c.reason() != null && c.reason().startsWith(Router.UNAVAILABLE));
    }

    public Optional<Candidate> chosen() {
        return order().stream().findFirst();
    }

    /** What choosing this instance saved against the most expensive eligible one (zero when alone). */
    public BigDecimal saving() {
        List<Candidate> eligible = order();
        if (eligible.isEmpty()) {
            return BigDecimal.ZERO;
        }
        BigDecimal max = eligible.stream().map(Candidate::cost).max(BigDecimal::compareTo).orElseThrow();
        return max.subtract(eligible.get(0).cost());
    }
}
