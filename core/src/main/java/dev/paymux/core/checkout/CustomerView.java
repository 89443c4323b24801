package dev.paymux.core.checkout;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.settlement.SettlementPolicy;
import dev.paymux.core.store.Store;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the customer paying a native payment is told, decided once for the checkout page, its status
 * feed and the widget: how much to send where, and what to do in each state.
 *
 * @param toSend        the exact amount to send (the unique amount of a pool slot), or null before an
 *                      address is assigned (queued)
 * @param uniqueCents   whether {@code toSend} differs from the requested amount, so the page says why
 * @param missing       for an underpaid payment, what is still missing
 * @param extra         for an overpaid payment, what was sent beyond the amount
 * @param due           what to send now: {@code toSend}, or the missing part when a top-up is allowed
 * @param topUpAllowed  whether the rest of an underpaid payment can still be sent to the same address
 *                      and be matched to it: only on an address of its own (a derived address); a pool
 *                      address tells payments apart by their exact amounts
 * @param required      confirmations the asset needs
 * @param walletUri     what the QR code holds, or null without an address
 */
public record CustomerView(Payment payment, Store store, PaymentStatus status, Asset asset, BigDecimal requested,
        BigDecimal toSend, boolean uniqueCents, String address, BigDecimal received, BigDecimal missing,
        BigDecimal extra, BigDecimal due, boolean topUpAllowed, int confirmations, int required, String txHash, Instant expiresAt,
        String walletUri) {

    /**
     * The view of a native payment with its asset chosen.
     *
     * @param ownAddress  whether the payment's address is derived for it alone
     */
    public static CustomerView of(Payment payment, Store store, boolean ownAddress, SettlementPolicy policy,
            WalletUris uris) {
        Asset asset = payment.asset();
        if (asset == null) {
            throw new IllegalArgumentException("payment " + payment.id() + " has no asset yet");
        }
        Payment.Snapshot s = payment.snapshot();
        BigDecimal requested = s.amountRequested();
        BigDecimal toSend = s.amountWithCents() != null ? s.amountWithCents() : requested;
        String address = s.slot() == null ? null : s.slot().address();
        BigDecimal received = s.amountReceived() == null ? BigDecimal.ZERO : s.amountReceived();
        PaymentStatus status = s.status();
        BigDecimal missing = status == PaymentStatus.UNDERPAID && toSend != null
                ? toSend.subtract(received).max(BigDecimal.ZERO) : null;
        BigDecimal extra = status == PaymentStatus.OVERPAID && toSend != null
                ? received.subtract(toSend).max(BigDecimal.ZERO) : null;
        boolean topUp = status == PaymentStatus.UNDERPAID && ownAddress && missing != null && missing.signum() > 0;
        BigDecimal due = topUp ? missing : toSend;
        return new CustomerView(payment, store, status, asset, requested, toSend,
                toSend != null && requested != null && toSend.compareTo(requested) != 0, address, received, missing,
                extra, due, topUp, s.confirmations(), policy.required(asset), s.txHash(), s.expiresAt(),
                address == null || due == null ? null : uris.forPayment(asset, address, due));
    }

    /** Whether the customer should (still) send money: the address and amount are shown. */
    public boolean payable() {
        return address != null && (status == PaymentStatus.PENDING || topUpAllowed);
    }

    /** Whether nothing more will change for the customer, so the page stops listening. */
    public boolean settled() {
        return status == PaymentStatus.COMPLETED || status == PaymentStatus.OVERPAID || status == PaymentStatus.REFUNDED
                || status == PaymentStatus.FAILED;
    }
}
