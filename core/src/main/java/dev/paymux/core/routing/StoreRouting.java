package dev.paymux.core.routing;

import java.util.Objects;

/**
 * Whether a store's payments are routed across provider instances, and by which rules.
 *
 * @param enabled    false: the store's payments go native, or to the one instance assigned to it
 * @param passFees   the customer pays the provider's fee: the amount asked at the provider is the price
 *                   plus the quote of the instance that takes it (the fee is not charged on the fee)
 */
public record StoreRouting(boolean enabled, RoutingRules rules, boolean passFees) {

    public StoreRouting {
        Objects.requireNonNull(rules, "rules");
        if (rules.pinned() != null && rules.excluded().contains(rules.pinned())) {
            throw new IllegalArgumentException("the pinned instance " + rules.pinned() + " is also excluded");
        }
    }

    public static StoreRouting off() {
        return new StoreRouting(false, RoutingRules.none(), false);
    }

    /** A store handed to one provider instance: routing with that one candidate. */
    public static StoreRouting pinnedTo(String instance) {
        return new StoreRouting(true, new RoutingRules(instance, java.util.Set.of(), java.util.Map.of()), false);
    }

    /** What the customer is asked to pay at an instance that quoted {@code cost} for {@code amount}. */
    public java.math.BigDecimal customerAmount(java.math.BigDecimal amount, java.math.BigDecimal cost) {
        return passFees && cost != null ? amount.add(cost) : amount;
    }
}
