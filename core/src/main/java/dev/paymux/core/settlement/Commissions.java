package dev.paymux.core.settlement;

import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;

/** The operator's commission per store, as a percentage of what the store receives. */
public interface Commissions {

    BigDecimal percent(StoreId store);

    void setPercent(StoreId store, BigDecimal percent);

    /** A commission rate: from 0 to below 100 percent, at most 4 decimals. */
    static boolean valid(BigDecimal percent) {
        return percent.signum() >= 0 && percent.compareTo(BigDecimal.valueOf(100)) < 0
                && percent.stripTrailingZeros().scale() <= 4;
    }
}
