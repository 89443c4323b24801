package dev.paymux.api.payment;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;

/** Amounts on the wire: at least the asset's display precision (100 USDT → 100.00), never an exponent. */
public final class Money {

    private Money() {
    }

    public static BigDecimal display(Asset asset, BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        int scale = asset == null ? Math.max(amount.scale(), 0) : Math.max(asset.displayScale(), amount.scale());
        return amount.setScale(scale);
    }

    public static String displayString(Asset asset, BigDecimal amount) {
        BigDecimal d = display(asset, amount);
        return d == null ? null : d.toPlainString();
    }
}
