package dev.paymux.core.providers;

import dev.paymux.core.ledger.AccountKind;
import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.ledger.JournalEntry.Posting;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Currency;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.payment.ProviderReport;
import dev.paymux.core.payment.ProviderReport.Verdict;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Applies what providers say — a verified callback or a reconciliation fetch — to Paymux's payments, in
 * one transaction with the status change's outbox row and ledger entries. Replays change nothing; late
 * or reordered news never moves a payment backwards.
 *
 * <p>All news of one payment is applied under the payment's row lock, and the provider's raw status is
 * stored on the link in the same transaction only when the payment took the news
 * ({@link Payment#applyProviderStatus} decides which news wins). So however callbacks and polls race, the
 * payment's status, the stored provider status and the journal agree.
 */
public final class ProviderUpdates {

    /** What became of one piece of provider news. */
    public enum Outcome { APPLIED, UNCHANGED, SUPERSEDED, DUPLICATE, UNKNOWN_PAYMENT }

    private final Transactions tx;
    private final Payments payments;
    private final ProviderPayments links;
    private final ProviderCallbacks callbacks;
    private final Ledger ledger;
    private final Stores stores;
    private final Clock clock;
    private final Duration recheck;

    public ProviderUpdates(Transactions tx, Payments payments, ProviderPayments links, ProviderCallbacks callbacks,
            Ledger ledger, Stores stores, Clock clock, Duration recheck) {
        this.tx = tx;
        this.payments = payments;
        this.links = links;
        this.callbacks = callbacks;
        this.ledger = ledger;
        this.stores = stores;
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
            Outcome outcome = apply(link.get().payment(), instance, update.status(), update.amountReceived(),
                    update.payCurrency(), update.txHash(), now);
            callbacks.outcome(id, link.get().payment(), switch (outcome) {
                case APPLIED -> "applied";
                case SUPERSEDED -> "superseded";
                default -> "unchanged";
            });
            return outcome;
        });
    }

    /** The result of a reconciliation fetch of a payment {@code instance} holds. */
    public Outcome fetched(PaymentId payment, String instance, ProviderPayment state) {
        return tx.inTransaction(() -> apply(payment, instance, state.status(), state.amountReceived(),
                state.payCurrency(), state.txHash(), clock.instant()));
    }

    /** Non-final provider payments due for a status check. */
    public List<ProviderPayments.Linked> dueForCheck(int limit) {
        return tx.inTransaction(() -> links.lockDueForCheck(clock.instant(), limit));
    }

    private Outcome apply(PaymentId id, String instance, ProviderStatus status, BigDecimal received, String receivedIn,
            String txHash, Instant now) {
        Payment payment = payments.lock(id).orElseThrow();
        // An unknown raw status changes nothing; it is in the callback record, and polling goes on.
        Verdict verdict = !status.known() ? Verdict.SUPERSEDED : payment.applyProviderStatus(
                new ProviderReport(status.status(), status.raw(), received, receivedIn, txHash), tolerance(payment), now);
        boolean isFinal = payment.status().isFinal() || payment.status() == PaymentStatus.EXPIRED
                || payment.status() == PaymentStatus.FAILED;
        // The raw status is kept only with news the payment took, so the link never says what the payment denies.
        links.updated(id, verdict == Verdict.SUPERSEDED ? null : status.raw(), isFinal,
                isFinal ? null : now.plus(recheck), now);
        if (verdict == Verdict.SUPERSEDED) {
            return Outcome.SUPERSEDED;
        }
        payments.update(payment);
        book(payment, instance);
        return verdict == Verdict.CHANGED ? Outcome.APPLIED : Outcome.UNCHANGED;
    }

    private BigDecimal tolerance(Payment payment) {
        BigDecimal t = stores.findById(payment.storeId()).map(s -> s.underpaidTolerancePercent()).orElse(null);
        return t == null ? BigDecimal.ZERO : t;
    }

    /**
     * Brings the journal in line with the payment: the money a provider collected is the store's, held by
     * that provider, so it is booked straight to available once the payment is paid (completed, overpaid,
     * underpaid; a top-up of an underpaid payment books the difference), and reversed on a refund. What is
     * booked so far is read back from the payment's own entries, and each entry's key names the total it
     * brings the payment to, so a replay, a race or a poll after a callback never books twice.
     */
    private void book(Payment p, String instance) {
        Currency currency = p.currency();
        if (currency == null) {
            return;
        }
        String prefix = "provider-payment:" + p.id() + ":";
        BigDecimal booked = ledger.posted(prefix, AccountKind.AVAILABLE, currency);
        if (p.status() == PaymentStatus.REFUNDED) {
            if (booked.signum() > 0) {
                ledger.post(new JournalEntry(prefix + "refunded", "refunded at the provider", List.of(
                        new Posting(p.storeId(), AccountKind.AVAILABLE, currency, booked.negate(), instance),
                        new Posting(p.storeId(), AccountKind.EXTERNAL, currency, booked))));
            }
            return;
        }
        if (!Payment.isPaid(p.status())) {
            return;
        }
        BigDecimal collected = p.amountReceived() != null && p.amountReceived().signum() > 0 ? p.amountReceived()
                : p.amountWithCents();
        if (collected == null || collected.compareTo(booked) <= 0) {
            return;
        }
        BigDecimal more = collected.subtract(booked);
        ledger.post(new JournalEntry(prefix + "received:" + collected.stripTrailingZeros().toPlainString(),
                "paid at the provider " + instance + " (" + p.status().wire() + ")", List.of(
                        new Posting(p.storeId(), AccountKind.EXTERNAL, currency, more.negate()),
                        new Posting(p.storeId(), AccountKind.AVAILABLE, currency, more, instance))));
    }
}
