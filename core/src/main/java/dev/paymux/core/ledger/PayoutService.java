package dev.paymux.core.ledger;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.payment.PaymentException.Reason;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Records payouts: never more than the store's available balance, once per reference. */
public final class PayoutService {

    private final Transactions tx;
    private final Payouts payouts;
    private final Ledger ledger;
    private final Clock clock;

    public PayoutService(Transactions tx, Payouts payouts, Ledger ledger, Clock clock) {
        this.tx = tx;
        this.payouts = payouts;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** The payout and whether this call recorded it (false: the reference was recorded before). */
    public record Recorded(Payout payout, boolean created) {
    }

    public Recorded record(StoreId store, Asset asset, BigDecimal amount, String reference, String note) {
        if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > asset.decimals()) {
            throw new PaymentException(Reason.INVALID,
                    "amount must be positive with at most " + asset.decimals() + " decimals");
        }
        return tx.inTransaction(() -> {
            payouts.lock(store, asset);
            var existing = payouts.findByReference(store, reference);
            if (existing.isPresent()) {
                return new Recorded(existing.get(), false);
            }
            BigDecimal available = ledger.balances(store).getOrDefault(asset, Balance.zero()).available();
            if (amount.compareTo(available) > 0) {
                throw new PaymentException(Reason.UNPROCESSABLE, "the payout of " + amount.toPlainString() + " "
                        + asset.name() + " exceeds the available balance of " + available.stripTrailingZeros().toPlainString());
            }
            Payout payout = new Payout(UUID.randomUUID(), store, asset, amount, reference, note, clock.instant());
            payouts.insert(payout);
            ledger.post(new JournalEntry("payout:" + payout.id(), "payout " + reference,
                    List.of(new JournalEntry.Posting(store, AccountKind.AVAILABLE, asset, amount.negate()),
                            new JournalEntry.Posting(store, AccountKind.WITHDRAWN, asset, amount))));
            return new Recorded(payout, true);
        });
    }

    public List<Payout> list(StoreId store, int limit) {
        return payouts.list(store, limit);
    }
}
