package dev.paymux.core.webhook;

import dev.paymux.core.payment.PaymentStatus;
import java.util.Optional;

/** Which status changes the merchant hears about, and under what event name. */
public final class EventTypes {

    public static final String TEST = "webhook.test";

    private EventTypes() {
    }

    public static Optional<String> forStatus(PaymentStatus status) {
        return switch (status) {
            case CONFIRMING, COMPLETED, EXPIRED, UNDERPAID, OVERPAID, FAILED, REFUNDED ->
                    Optional.of("payment." + status.wire());
            case SELECTING, PENDING, QUEUED -> Optional.empty();
        };
    }
}
