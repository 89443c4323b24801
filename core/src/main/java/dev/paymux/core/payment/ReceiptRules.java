package dev.paymux.core.payment;

import java.math.BigDecimal;

/**
 * What the money received means for a payment's status. Pure, so every combination is tested; the
 * {@link Payment} aggregate applies the result through its transition table.
 */
public final class ReceiptRules {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReceiptRules() {
    }

    /**
     * @param expected          the amount the payment asks for ({@code amount_with_cents})
     * @param tolerancePercent  a shortfall within this percentage of {@code expected} counts as paid
     * @param received          the sum of the live transfers matched to the payment
     * @param allFinal          whether every one of them has its required confirmations
     */
    public static PaymentStatus statusFor(PaymentStatus current, BigDecimal expected, BigDecimal tolerancePercent,
            BigDecimal received, boolean allFinal) {
        if (received.signum() == 0) {
            // Every transfer was dropped (reorg, replaced transaction): back to waiting, unless the payment
            // had already expired before anything arrived.
            return current == PaymentStatus.CONFIRMING || current == PaymentStatus.UNDERPAID
                    ? PaymentStatus.PENDING : current;
        }
        if (!allFinal) {
            return PaymentStatus.CONFIRMING;
        }
        int cmp = received.compareTo(expected);
        if (cmp == 0) {
            return PaymentStatus.COMPLETED;
        }
        if (cmp > 0) {
            return PaymentStatus.OVERPAID;
        }
        BigDecimal floor = expected.subtract(expected.multiply(tolerancePercent).divide(HUNDRED));
        return received.compareTo(floor) >= 0 ? PaymentStatus.COMPLETED : PaymentStatus.UNDERPAID;
    }
}
