package dev.paymux.core.settlement;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.Payment.Receipts;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.settlement.TransferRecord.Match;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The application's side of the chain watchers: stores each observation once, matches it to a payment,
 * counts confirmations, books the ledger and moves the payment's status, each in one transaction with
 * the observation (so the outbox row of a status change is written with it). Re-reporting anything is
 * harmless: observations are keyed by {@link TransferKey} and ledger entries by idempotency key.
 */
public final class ChainSettlement implements TransferSink {

    private static final Logger LOG = Logger.getLogger(ChainSettlement.class.getName());

    private final Transactions tx;
    private final ObservedTransfers transfers;
    private final Payments payments;
    private final Stores stores;
    private final Ledger ledger;
    private final Commissions commissions;
    private final SettlementPolicy policy;
    private final Clock clock;
    private final TransferMatcher matcher;

    public ChainSettlement(Transactions tx, ObservedTransfers transfers, Payments payments, Stores stores, Ledger ledger,
            Commissions commissions, SettlementPolicy policy, Clock clock) {
        this.tx = tx;
        this.transfers = transfers;
        this.payments = payments;
        this.stores = stores;
        this.ledger = ledger;
        this.commissions = commissions;
        this.policy = policy;
        this.clock = clock;
        this.matcher = new TransferMatcher(payments, policy);
    }

    @Override
    public void observed(ChainTransfer t) {
        tx.inTransaction(() -> {
            Instant now = clock.instant();
            Optional<TransferRecord> stored = transfers.lock(t.key());
            if (stored.isEmpty()) {
                TransferMatcher.Result m = matcher.match(t, now);
                TransferRecord rec = transfers.insert(t, m.payment() == null ? null : m.payment().id(),
                        m.payment() == null ? null : m.payment().storeId(), m.match(), now);
                if (rec.paymentId() != null) {
                    ledger.post(LedgerEntries.detected(rec));
                    reevaluate(rec.paymentId(), now);
                }
                return null;
            }
            TransferRecord rec = stored.get();
            if (rec.dropped()) {
                transfers.revive(t.key(), t, now);
                rec = transfers.lock(t.key()).orElseThrow();
                if (rec.paymentId() != null) {
                    ledger.post(LedgerEntries.detected(rec));
                }
            } else if (!rec.finalized() && !Objects.equals(rec.blockHash(), t.blockHash())) {
                transfers.moveToBlock(t.key(), t, now);
            } else {
                return null;
            }
            if (rec.paymentId() != null) {
                reevaluate(rec.paymentId(), now);
            }
            return null;
        });
    }

    @Override
    public void dropped(TransferKey key, String reason) {
        tx.inTransaction(() -> {
            drop(key, reason, clock.instant());
            return null;
        });
    }

    @Override
    public void blockOrphaned(Chain chain, String blockHash) {
        tx.inTransaction(() -> {
            Instant now = clock.instant();
            for (TransferKey key : transfers.inBlock(chain, blockHash)) {
                drop(key, "block " + blockHash + " left the best chain", now);
            }
            return null;
        });
    }

    @Override
    public void tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at) {
        for (TransferRecord waiting : transfers.awaitingConfirmations(chain)) {
            if (waiting.blockHeight() == null || confirmations(waiting, tipHeight) == waiting.confirmations()
                    && !isFinal(waiting, tipHeight, finalizedHeight)) {
                continue;
            }
            tx.inTransaction(() -> {
                confirm(waiting.key(), tipHeight, finalizedHeight, clock.instant());
                return null;
            });
        }
    }

    private void confirm(TransferKey key, long tipHeight, Long finalizedHeight, Instant now) {
        TransferRecord rec = transfers.lock(key).orElseThrow();
        if (rec.dropped() || rec.finalized() || rec.blockHeight() == null) {
            return;
        }
        int confirmations = confirmations(rec, tipHeight);
        boolean isFinal = isFinal(rec, tipHeight, finalizedHeight);
        if (confirmations == rec.confirmations() && !isFinal) {
            return;
        }
        transfers.updateConfirmations(key, confirmations, isFinal, now);
        if (rec.paymentId() == null) {
            return;
        }
        if (isFinal) {
            ledger.post(LedgerEntries.finalized(rec, commissions.percent(rec.storeId())));
        }
        reevaluate(rec.paymentId(), now);
    }

    private static int confirmations(TransferRecord rec, long tipHeight) {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, tipHeight - rec.blockHeight() + 1));
    }

    private boolean isFinal(TransferRecord rec, long tipHeight, Long finalizedHeight) {
        return confirmations(rec, tipHeight) >= policy.required(rec.asset())
                || (finalizedHeight != null && rec.blockHeight() <= finalizedHeight);
    }

    private void drop(TransferKey key, String reason, Instant now) {
        Optional<TransferRecord> stored = transfers.lock(key);
        if (stored.isEmpty() || stored.get().dropped()) {
            return;
        }
        TransferRecord rec = stored.get();
        if (rec.finalized()) {
            // Final money is already available to the store; a reorg deeper than the required confirmations
            // is an operator's matter, not something to undo silently.
            LOG.warning(() -> "a final transfer was reported dropped and kept: " + key + " (" + reason + ")");
            return;
        }
        transfers.markDropped(key, reason, now);
        if (rec.paymentId() != null) {
            ledger.post(LedgerEntries.dropped(rec));
            reevaluate(rec.paymentId(), now);
        }
    }

    /** Recomputes the payment from all its live transfers, so the order of reports never matters. */
    private void reevaluate(PaymentId id, Instant now) {
        Payment payment = payments.lock(id).orElseThrow();
        List<TransferRecord> live = transfers.ofPayment(id).stream().filter(TransferRecord::live).toList();
        BigDecimal received = live.stream().map(TransferRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        boolean allFinal = live.stream().allMatch(TransferRecord::finalized);
        int confirmations = live.stream().mapToInt(TransferRecord::confirmations).min().orElse(0);
        String txHash = live.isEmpty() ? null : live.get(live.size() - 1).key().txHash();
        boolean late = live.stream().anyMatch(r -> r.match() == Match.LATE);
        BigDecimal tolerance = stores.findById(payment.storeId()).orElseThrow().underpaidTolerancePercent();
        Receipts receipts = new Receipts(received, allFinal, txHash, confirmations, late);
        payment.applyReceipts(receipts, tolerance == null ? BigDecimal.ZERO : tolerance, now);
        payments.update(payment);
    }
}
