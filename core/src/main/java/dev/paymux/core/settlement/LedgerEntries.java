package dev.paymux.core.settlement;

import static dev.paymux.core.ledger.AccountKind.AVAILABLE;
import static dev.paymux.core.ledger.AccountKind.COMMISSION;
import static dev.paymux.core.ledger.AccountKind.EXTERNAL;
import static dev.paymux.core.ledger.AccountKind.PENDING;

import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.ledger.JournalEntry.Posting;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The journal entries of a transfer's life: detected, dropped, final. Keys make each post-once. */
final class LedgerEntries {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LedgerEntries() {
    }

    static JournalEntry detected(TransferRecord t) {
        return new JournalEntry("transfer:" + t.key() + ":detected:" + t.generation(), "transfer detected",
                List.of(new Posting(t.storeId(), EXTERNAL, t.asset(), t.amount().negate()),
                        new Posting(t.storeId(), PENDING, t.asset(), t.amount())));
    }

    static JournalEntry dropped(TransferRecord t) {
        return new JournalEntry("transfer:" + t.key() + ":dropped:" + t.generation(), "transfer dropped",
                List.of(new Posting(t.storeId(), PENDING, t.asset(), t.amount().negate()),
                        new Posting(t.storeId(), EXTERNAL, t.asset(), t.amount())));
    }

    /** Final money leaves pending: the store's share becomes available, the commission goes to the operator. */
    static JournalEntry finalized(TransferRecord t, BigDecimal commissionPercent) {
        BigDecimal fee = commission(t.asset(), t.amount(), commissionPercent);
        return new JournalEntry("transfer:" + t.key() + ":final", "transfer final",
                List.of(new Posting(t.storeId(), PENDING, t.asset(), t.amount().negate()),
                        new Posting(t.storeId(), AVAILABLE, t.asset(), t.amount().subtract(fee)),
                        new Posting(t.storeId(), COMMISSION, t.asset(), fee)));
    }

    /** The commission, rounded down to the asset's smallest unit so the store is never charged a fraction more. */
    static BigDecimal commission(Asset asset, BigDecimal amount, BigDecimal percent) {
        return amount.multiply(percent).divide(HUNDRED, asset.decimals(), RoundingMode.DOWN);
    }
}
