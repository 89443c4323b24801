package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What Paymux's own provider asks of the payment service: the native provider has no remote API; its
 * "create" gives a payment Paymux already holds a receiving address, and its state comes from the
 * chain settlement.
 */
public interface NativeCheckout {

    /**
     * Gives the queued payment {@code reference} (a Paymux payment id) its receiving address — a derived
     * address, or a pool address with a unique amount — or leaves it queued when no slot is free.
     * Calling it again returns the same state.
     *
     * @throws ProviderException {@code REJECTED} when there is no such payment or the store has no address
     */
    NativeState place(String reference);

    /** The payment's current state. */
    NativeState state(String reference);

    /**
     * @param status  Paymux's status (the native provider speaks Paymux's own vocabulary)
     */
    record NativeState(String reference, dev.paymux.core.payment.PaymentStatus status, String address,
            BigDecimal amount, String asset, BigDecimal received, String txHash, Instant expiresAt) {
    }
}
