package dev.paymux.core.ledger;

import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A store's balance in one currency day by day, from the journal, for charts. */
public interface BalanceHistory {

    /** The balances at the end of each day (UTC) from {@code from} to {@code to}, both included, oldest first. */
    List<Day> daily(StoreId store, String currency, LocalDate from, LocalDate to);

    record Day(LocalDate day, BigDecimal available, BigDecimal pending) {
    }
}
