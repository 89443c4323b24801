package dev.paymux.core.payment;

import dev.paymux.core.store.StoreId;
import java.time.Instant;

/** Domain event: a payment changed status. Recorded on the payment's timeline. */
public record PaymentStatusChanged(PaymentId paymentId, StoreId storeId, PaymentStatus from, PaymentStatus to,
        String reason, Instant at) {
}
