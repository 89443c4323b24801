package dev.paymux.core.providers;

import dev.paymux.core.payment.PaymentId;
import java.time.Instant;

/** Every callback received, for the operator and as the replay guard. */
public interface ProviderCallbacks {

    /**
     * Stores a verified callback unless one with the same instance and dedupe key was stored before.
     *
     * @return the new row's id, or -1 for a replay
     */
    long recordVerified(String instance, String dedupeKey, String externalId, String rawStatus, String body,
            Instant now);

    /** Stores a callback that failed verification, its body byte for byte (it may hold anything). */
    void recordRejected(String instance, String reason, byte[] body, Instant now);

    /**
     * What became of a verified callback: {@code applied}, {@code unchanged}, {@code superseded} (news the
     * payment's status outranks, e.g. a failure after a success), {@code unknown-payment}, {@code abandoned-attempt}.
     */
    void outcome(long id, PaymentId payment, String outcome);

    /**
     * The most recent callbacks, newest first, optionally of one instance and one outcome
     * ({@code rejected}, {@code applied}, {@code unchanged}, {@code superseded}, {@code unknown-payment}).
     */
    java.util.List<Recorded> recent(String instance, String outcome, int limit);

    record Recorded(long id, String instance, Instant receivedAt, boolean verified, String rejectReason,
            String externalId, PaymentId payment, String rawStatus, String outcome) {
    }
}
