package dev.paymux.core.webhook;

import dev.paymux.core.payment.PaymentStatus;
import java.util.Optional;

/** Which status changes the merchant hears about, and under what event name. */
public final class EventTypes {

    public static final String TEST = "webhook.test";

    /** Why a donation's events are skipped: the seed says donations do not trigger webhooks. */
    public static final String DONATION_NOT_SENT = "donations do not trigger webhooks";

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
