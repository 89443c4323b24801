package dev.paymux.core.payment;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a third-party provider says about a payment, from a callback or a status fetch.
 *
 * @param status      the provider's status in Paymux's vocabulary
 * @param raw         the provider's own status code
 * @param received    what the provider says it collected, or null when it does not say
 * @param receivedIn  the currency of {@code received} as the provider reported it (an asset or fiat code),
 *                    or null when it is the currency the provider was asked to collect in
 * @param txHash      the transaction, when the provider names one
 */
public record ProviderReport(PaymentStatus status, String raw, BigDecimal received, String receivedIn,
        String txHash) {

    public ProviderReport {
        Objects.requireNonNull(status, "status");
    }

    /** What became of a report: it moved the payment, agrees with its status, or is outranked by it. */
    public enum Verdict {
        /** The payment's status changed. */
        CHANGED,
        /** The payment already has this status (a repeat, or a top-up still short); amounts were taken. */
        AGREES,
        /** Older or weaker news than the payment's status (e.g. a failure after a success): ignored. */
        SUPERSEDED
    }
}
