package dev.paymux.core.providers;

import dev.paymux.core.ledger.AccountKind;
import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.ledger.JournalEntry.Posting;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies what providers say — a verified callback or a reconciliation fetch — to Paymux's payments, in
 * one transaction with the status change's outbox row and ledger entry. Replays change nothing; late
 * or reordered news never moves a payment backwards.
 */
public final class ProviderUpdates {

    /** What became of one piece of provider news. */
    public enum Outcome { APPLIED, UNCHANGED, DUPLICATE, UNKNOWN_PAYMENT }

    private final Transactions tx;
    private final Payments payments;
    private final ProviderPayments links;
    private final ProviderCallbacks callbacks;
    private final Ledger ledger;
    private final Clock clock;
    private final Duration recheck;

    public ProviderUpdates(Transactions tx, Payments payments, ProviderPayments links, ProviderCallbacks callbacks,
            Ledger ledger, Clock clock, Duration recheck) {
        this.tx = tx;
        this.payments = payments;
        this.links = links;
        this.callbacks = callbacks;
        this.ledger = ledger;
        this.clock = clock;
        this.recheck = recheck;
    }

    /** A verified callback of {@code instance}. */
    public Outcome callback(String instance, ProviderUpdate update, String body) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            long id = callbacks.recordVerified(instance, update.dedupeKey(), update.externalId(),
                    update.status().raw(), body, now);
            if (id < 0) {
                return Outcome.DUPLICATE;
            }
            Optional<ProviderPayments.Linked> link = links.findByExternalId(instance, update.externalId());
            if (link.isEmpty()) {
                // A payment this instance was asked for but another instance holds: an attempt abandoned in
                // failover (its outcome was unknown then). Recorded for the operator, never applied.
                Optional<PaymentId> abandoned = Optional.ofNullable(update.paymentReference()).flatMap(PaymentId::parse)
                        .filter(p -> links.find(p).filter(l -> !l.reference().instance().equals(instance)).isPresent());
                callbacks.outcome(id, abandoned.orElse(null), abandoned.isPresent() ? "abandoned-attempt" : "unknown-payment");
                return Outcome.UNKNOWN_PAYMENT;
            }
            Outcome outcome = apply(link.get().payment(), update.status(), update.amountReceived(), update.txHash(), now);
            callbacks.outcome(id, link.get().payment(), outcome == Outcome.APPLIED ? "applied" : "unchanged");
            return outcome;
        });
    }

    /** The result of a reconciliation fetch. */
    public Outcome fetched(PaymentId payment, ProviderStatus status, BigDecimal received, String txHash) {
        return tx.inTransaction(() -> apply(payment, status, received, txHash, clock.instant()));
    }

    /** Non-final provider payments due for a status check. */
    public List<ProviderPayments.Linked> dueForCheck(int limit) {
        return tx.inTransaction(() -> links.lockDueForCheck(clock.instant(), limit));
    }

    private Outcome apply(PaymentId id, ProviderStatus status, BigDecimal received, String txHash, Instant now) {
        Payment payment = payments.lock(id).orElseThrow();
        PaymentStatus before = payment.status();
        boolean changed = status.known()
                && payment.applyProviderStatus(status.status(), status.raw(), received, txHash, now);
        boolean isFinal = payment.status().isFinal() || payment.status() == PaymentStatus.EXPIRED
                || payment.status() == PaymentStatus.FAILED;
        links.updated(id, status.raw(), isFinal, isFinal ? null : now.plus(recheck), now);
        if (!changed) {
            return Outcome.UNCHANGED;
        }
        payments.update(payment);
        book(payment, before);
        return Outcome.APPLIED;
    }

    /**
     * The money a provider collected: it holds it for the store, so it is booked straight to available
     * once the payment is paid, and reversed on a refund.
     */
    private void book(Payment p, PaymentStatus before) {
        BigDecimal amount = p.amountReceived() != null && p.amountReceived().signum() > 0 ? p.amountReceived()
                : p.amountWithCents();
        if (p.asset() == null || amount == null) {
            return;
        }
        if (p.status() == PaymentStatus.COMPLETED || p.status() == PaymentStatus.OVERPAID) {
            ledger.post(new JournalEntry("provider-payment:" + p.id() + ":paid", "paid at the provider", List.of(
                    new Posting(p.storeId(), AccountKind.EXTERNAL, p.asset(), amount.negate()),
                    new Posting(p.storeId(), AccountKind.AVAILABLE, p.asset(), amount))));
        } else if (p.status() == PaymentStatus.REFUNDED
                && (before == PaymentStatus.COMPLETED || before == PaymentStatus.OVERPAID)) {
            ledger.post(new JournalEntry("provider-payment:" + p.id() + ":refunded", "refunded at the provider", List.of(
                    new Posting(p.storeId(), AccountKind.AVAILABLE, p.asset(), amount.negate()),
                    new Posting(p.storeId(), AccountKind.EXTERNAL, p.asset(), amount))));
        }
    }
}
