package dev.paymux.core.spi;

import java.util.Objects;

/** The outcome of {@link PaymentProvider#parseCallback}. */
public sealed interface CallbackResult {

    /**
     * A verified callback. {@code responseStatus} and {@code responseBody} are what the provider expects
     * as the answer (e.g. 200 with {@code OK}).
     */
    record Accepted(ProviderUpdate update, int responseStatus, String responseBody) implements CallbackResult {
        public Accepted {
            Objects.requireNonNull(update, "update");
        }
    }

    /**
     * Not verified or not readable. {@code reason} is for the log and the operator, never for the caller.
     */
    record Rejected(String reason) implements CallbackResult {
    }
}
