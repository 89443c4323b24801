package dev.paymux.core.settlement;

import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;

/** The operator's commission per store, as a percentage of what the store receives. */
public interface Commissions {

    BigDecimal percent(StoreId store);

    void setPercent(StoreId store, BigDecimal percent);
}
