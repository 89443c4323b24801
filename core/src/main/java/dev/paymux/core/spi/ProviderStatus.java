package dev.paymux.core.spi;

import dev.paymux.core.payment.PaymentStatus;
import java.util.Objects;

/**
 * A provider's status and what it means in Paymux's vocabulary.
 *
 * @param status  the normalised status; for an unknown raw status a non-final one that changes nothing
 * @param raw     the provider's own status code, kept for the operator
 * @param known   false when the adapter's table does not know {@code raw}: the payment is left as it is
 *                and reconciled by polling, and the adapter logs a warning
 */
public record ProviderStatus(PaymentStatus status, String raw, boolean known) {

    public ProviderStatus {
        Objects.requireNonNull(status, "status");
        if (!known && status.isFinal()) {
            throw new IllegalArgumentException("an unknown provider status may not map to a final one");
        }
    }
}
