package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One pay-in currency of a provider instance.
 *
 * @param currency   an asset code ({@code USDT_TRC20}) or a fiat code for a fiat method ({@code RUB})
 * @param min        the smallest amount it takes, in {@code currency}, or null
 * @param max        the largest, or null
 * @param fees       what it charges the merchant
 * @param available  false while the provider reports the method as switched off
 */
public record PayMethod(String currency, BigDecimal min, BigDecimal max, FeeSchedule fees, boolean available) {

    public PayMethod {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fees, "fees");
    }

    public boolean accepts(BigDecimal amount) {
        return (min == null || amount.compareTo(min) >= 0) && (max == null || amount.compareTo(max) <= 0);
    }
}
