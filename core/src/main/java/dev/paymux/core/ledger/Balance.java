package dev.paymux.core.ledger;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A store's balance in one currency, derived from the journal.
 *
 * @param providerHeld  of {@code available}, what each third-party provider instance collected and holds
 *                      for the store (by instance name; instances holding nothing are left out)
 */
public record Balance(BigDecimal available, BigDecimal pending, BigDecimal totalReceived, BigDecimal totalWithdrawn,
        BigDecimal totalCommission, Map<String, BigDecimal> providerHeld) {

    public Balance {
        providerHeld = java.util.Collections.unmodifiableMap(new TreeMap<>(providerHeld));
    }

    public Balance(BigDecimal available, BigDecimal pending, BigDecimal totalReceived, BigDecimal totalWithdrawn,
            BigDecimal totalCommission) {
        this(available, pending, totalReceived, totalWithdrawn, totalCommission, Map.of());
    }

    /** The part of {@code available} that providers hold, all instances together. */
    public BigDecimal providerHeldTotal() {
        return providerHeld.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public static Balance zero() {
        return new Balance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
