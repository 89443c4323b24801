package dev.paymux.core.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A routing decision as stored with its payment.
 *
 * @param planned    the router's first choice
 * @param placedAt   the instance that holds the payment, or null while none does
 * @param placedCost what the holding instance quoted
 * @param saving     {@code placedCost} against the most expensive eligible candidate
 */
public record StoredRoute(Instant decidedAt, BigDecimal amount, String currency, String payCurrency, String planned,
        String placedAt, BigDecimal placedCost, BigDecimal saving, String costCurrency, List<Candidate> candidates) {
}
