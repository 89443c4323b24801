package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * What a provider charges the merchant for one payment, all in the pay-in currency.
 *
 * @param percent           percentage of the amount
 * @param fixed             a fixed fee per payment
 * @param minimum           the least the percentage part comes to
 * @param networkFee        an estimate of the chain fee the merchant bears
 * @param fxSpreadPercent   the spread when the provider converts currencies
 */
public record FeeSchedule(BigDecimal percent, BigDecimal fixed, BigDecimal minimum, BigDecimal networkFee,
        BigDecimal fxSpreadPercent) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static FeeSchedule free() {
        return new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public static FeeSchedule percent(BigDecimal percent) {
        return new FeeSchedule(percent, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** The total cost of collecting {@code amount}, rounded up to {@code scale} decimals. */
    public BigDecimal cost(BigDecimal amount, boolean converts, int scale) {
        BigDecimal pct = amount.multiply(nz(percent)).divide(HUNDRED);
        if (pct.compareTo(nz(minimum)) < 0) {
            pct = nz(minimum);
        }
        BigDecimal total = pct.add(nz(fixed)).add(nz(networkFee));
        if (converts) {
            total = total.add(amount.multiply(nz(fxSpreadPercent)).divide(HUNDRED));
        }
        return total.setScale(scale, RoundingMode.UP);
    }

    private static BigDecimal nz(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }
}
