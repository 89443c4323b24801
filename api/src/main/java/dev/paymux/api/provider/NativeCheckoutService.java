package dev.paymux.api.provider;

import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.spi.NativeCheckout;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.tx.Transactions;
import org.springframework.stereotype.Component;

/** The payment service seen through the native provider's port. */
@Component
class NativeCheckoutService implements NativeCheckout {

    private final PaymentService service;
    private final Payments payments;
    private final Transactions tx;

    NativeCheckoutService(PaymentService service, Payments payments, Transactions tx) {
        this.service = service;
        this.payments = payments;
        this.tx = tx;
    }

    @Override
    public NativeState place(String reference) {
        try {
            return state(service.placeQueued(id(reference)));
        } catch (PaymentException e) {
            throw new ProviderException(ProviderException.Kind.REJECTED, "native", e.getMessage(), e);
        }
    }

    @Override
    public NativeState state(String reference) {
        PaymentId id = id(reference);
        return state(tx.inTransaction(() -> payments.lock(id)).orElseThrow(() ->
                new ProviderException(ProviderException.Kind.REJECTED, "native", "payment not found", null)));
    }

    private static PaymentId id(String reference) {
        return PaymentId.parse(reference).orElseThrow(() ->
                new ProviderException(ProviderException.Kind.REJECTED, "native", "not a payment id", null));
    }

    private static NativeState state(Payment p) {
        var s = p.snapshot();
        return new NativeState(p.id().toString(), p.status(), s.slot() == null ? null : s.slot().address(),
                s.amountWithCents() != null ? s.amountWithCents() : s.amountRequested(),
                s.asset() == null ? null : s.asset().name(), s.amountReceived(), s.txHash(), s.expiresAt());
    }
}
