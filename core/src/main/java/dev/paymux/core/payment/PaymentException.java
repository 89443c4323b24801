package dev.paymux.core.payment;

/**
 * A request the payment service refuses; {@link Reason} tells the web layer which 4xx it is. {@code BUSY}:
 * refused for now (too many unpaid donations, no address free for one), worth retrying later.
 */
public final class PaymentException extends RuntimeException {

    public enum Reason { INVALID, FORBIDDEN, NOT_FOUND, CONFLICT, GONE, UNPROCESSABLE, BUSY }

    private final Reason reason;

    public PaymentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
