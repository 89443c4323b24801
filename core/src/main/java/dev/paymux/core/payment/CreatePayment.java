package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import java.math.BigDecimal;

/**
 * A merchant's request to create a payment, as parsed from the API; validated by {@link PaymentService}.
 *
 * @param amount       crypto amount (or, in a store with several assets, an amount in its pricing currency)
 * @param fiatAmount   fiat amount; with {@code fiat} it overrides {@code amount}
 * @param asset        optional pay-in asset chosen by the merchant, skipping the customer's choice
 * @param metadataJson the merchant's metadata object as compact JSON, or null
 * @param source       who asks: the merchant's signed API, or the store's public widget
 */
public record CreatePayment(String orderId, BigDecimal amount, BigDecimal fiatAmount, Fiat fiat, Asset asset,
        String metadataJson, PaymentSource source) {

    public CreatePayment {
        source = source == null ? PaymentSource.API : source;
    }

    /** A request of the merchant's signed API. */
    public CreatePayment(String orderId, BigDecimal amount, BigDecimal fiatAmount, Fiat fiat, Asset asset,
            String metadataJson) {
        this(orderId, amount, fiatAmount, fiat, asset, metadataJson, PaymentSource.API);
    }
}
