package dev.paymux.core.routing;

import java.util.Objects;

/**
 * Whether a store's payments are routed across provider instances, and by which rules.
 *
 * @param enabled  false: the store's payments go native, or to the one instance assigned to it
 */
public record StoreRouting(boolean enabled, RoutingRules rules) {

    public StoreRouting {
        Objects.requireNonNull(rules, "rules");
        if (rules.pinned() != null && rules.excluded().contains(rules.pinned())) {
            throw new IllegalArgumentException("the pinned instance " + rules.pinned() + " is also excluded");
        }
    }

    public static StoreRouting off() {
        return new StoreRouting(false, RoutingRules.none());
    }
}
