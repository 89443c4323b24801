package dev.paymux.cryptomus;

import dev.paymux.core.spi.FeeSchedule;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * A fiat currency Cryptomus invoices may be denominated in (the customer still pays in crypto), with the
 * limits and fees the adapter quotes for it. Cryptomus publishes no fiat limits: these are the operator's.
 *
 * @param currency the fiat code, e.g. {@code USD}
 * @param min      the smallest invoice, or null
 * @param max      the largest, or null
 * @param fees     what an invoice the customer pays in a currency of their choice costs
 */
public record CryptomusFiat(String currency, BigDecimal min, BigDecimal max, FeeSchedule fees) {

    public CryptomusFiat {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(fees, "fees");
    }

    boolean accepts(BigDecimal amount) {
        return (min == null || amount.compareTo(min) >= 0) && (max == null || amount.compareTo(max) <= 0);
    }
}
