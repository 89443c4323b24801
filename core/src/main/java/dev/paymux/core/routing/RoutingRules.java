package dev.paymux.core.routing;

import java.util.Map;
import java.util.Set;

/**
 * The operator's rules for one store.
 *
 * @param pinned    the only instance the store may use, or null
 * @param excluded  instances the store must not use
 * @param weights   preference per instance, 100 by default: the router compares {@code cost * 100 / weight},
 *                  so a weight of 200 makes an instance look half as expensive
 */
public record RoutingRules(String pinned, Set<String> excluded, Map<String, Integer> weights) {

    public RoutingRules {
        excluded = Set.copyOf(excluded);
        weights = Map.copyOf(weights);
        weights.forEach((instance, w) -> {
            if (w < 1 || w > 10_000) {
                throw new IllegalArgumentException("the weight of " + instance + " must be 1..10000");
            }
        });
    }

    public static RoutingRules none() {
        return new RoutingRules(null, Set.of(), Map.of());
    }

    int weight(String instance) {
        return weights.getOrDefault(instance, 100);
    }
}
