package dev.paymux.core.routing;

import java.time.Instant;

/**
 * One try to create a routed payment at one instance.
 *
 * @param outcome    how it ended; {@link Outcome#STARTED} while the call runs (or when the process died in it)
 * @param error      the provider's or the adapter's message when it did not end in {@link Outcome#CREATED}
 */
public record RouteAttempt(long id, String instance, Instant startedAt, Instant finishedAt, Outcome outcome,
        String error, Long latencyMillis) {

    public enum Outcome {
        /** The call has not returned (yet). */
        STARTED,
        /** The provider holds the payment: the one live provider payment. */
        CREATED,
        /** The provider refused the payment: nothing was made there, the next candidate may take it. */
        REJECTED,
        /**
         * The call failed without a readable answer (timeout, 5xx, circuit open, garbage): whatever the
         * provider may have made is never linked to the payment, its callbacks are recorded, not applied.
         */
        ABANDONED;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
