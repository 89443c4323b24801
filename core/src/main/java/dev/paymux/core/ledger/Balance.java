package dev.paymux.core.ledger;

import java.math.BigDecimal;

/** A store's balance in one asset, derived from the journal. */
public record Balance(BigDecimal available, BigDecimal pending, BigDecimal totalReceived, BigDecimal totalWithdrawn,
        BigDecimal totalCommission) {

    public static Balance zero() {
        return new Balance(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
