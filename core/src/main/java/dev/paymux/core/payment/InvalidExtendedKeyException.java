package dev.paymux.core.payment;

/** An extended public key that cannot be used; the message is safe to show to the operator. */
public final class InvalidExtendedKeyException extends IllegalArgumentException {

    public InvalidExtendedKeyException(String message) {
        super(message);
    }
}
