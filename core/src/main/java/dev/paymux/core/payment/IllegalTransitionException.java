package dev.paymux.core.payment;

public final class IllegalTransitionException extends IllegalStateException {
    public IllegalTransitionException(PaymentId id, PaymentStatus from, PaymentStatus to) {
        super("payment " + id + " cannot go from " + from.wire() + " to " + to.wire());
    }
}
