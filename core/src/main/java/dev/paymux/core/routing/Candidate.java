package dev.paymux.core.routing;

import java.math.BigDecimal;

/**
 * One provider instance as the router saw it for one payment.
 *
 * @param cost           the instance's quote, in {@code currency}; null when not eligible
 * @param effectiveCost  the cost the router compared ({@code cost * 100 / weight})
 * @param reason         why the instance is not eligible, or null
 */
public record Candidate(String instance, String type, boolean eligible, BigDecimal cost, String currency,
        BigDecimal effectiveCost, int successPerMille, long latencyMillis, String reason) {
}
