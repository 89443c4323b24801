package dev.paymux.core.spi;

/**
 * A provider call that did not succeed, typed so that nothing of the provider's internals leaks to the
 * merchant: {@code message} is safe to show.
 */
public class ProviderException extends RuntimeException {

    public enum Kind {
        /** The provider refused the request (its 4xx validation error): retrying the same will not help. */
        REJECTED,
        /** Not reached, 5xx, timed out, or circuit open: the outcome of a create is unknown. */
        UNAVAILABLE,
        /** The provider answered something unreadable: the outcome is unknown. */
        MALFORMED
    }

    private final Kind kind;
    private final String instance;

    public ProviderException(Kind kind, String instance, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.instance = instance;
    }

    public Kind kind() {
        return kind;
    }

    public String instance() {
        return instance;
    }
}
