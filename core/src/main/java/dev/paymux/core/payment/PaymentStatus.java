package dev.paymux.core.payment;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Paymux's one status vocabulary: the seed API's eight plus {@code failed} and {@code refunded}. */
public enum PaymentStatus {
    SELECTING, PENDING, QUEUED, CONFIRMING, COMPLETED, EXPIRED, OVERPAID, UNDERPAID, FAILED, REFUNDED;

    /** The lower-case name used on the wire. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True while the payment holds an (address, amount) slot of the pool. */
    public boolean holdsSlot() {
        return this == PENDING || this == CONFIRMING;
    }

    /** True when nothing can happen to the payment any more except a refund. */
    public boolean isFinal() {
        return PaymentTransitions.allowedFrom(this).isEmpty()
                || PaymentTransitions.allowedFrom(this).equals(java.util.Set.of(REFUNDED));
    }

    public static Optional<PaymentStatus> parse(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire.trim().toLowerCase(Locale.ROOT))).findFirst();
    }
}
