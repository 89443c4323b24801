package dev.paymux.core.routing;

/**
 * No provider could take the payment for now: the one tried could not be reached or its answer could not
 * be read, or every candidate is down. The merchant may retry (with the same {@code order_id} to resume
 * the same payment).
 */
public final class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String detail, Throwable cause) {
        super("the payment provider is unavailable, please retry later", cause);
        this.detail = detail;
    }

    private final String detail;

    /** For the operator's log: which instance or why; never shown to the merchant. */
    public String detail() {
        return detail;
    }
}
