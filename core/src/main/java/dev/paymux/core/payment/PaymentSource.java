package dev.paymux.core.payment;

import java.util.Locale;

/**
 * Who asked for a payment: the merchant's server through the signed API, or a browser through the store's
 * public payment widget. A widget payment's amount comes from the customer's browser, so a merchant checks it
 * against the order before shipping; the source is in every view and webhook of the payment.
 */
public enum PaymentSource {
    API, WIDGET;

    /** Lower-case name, as stored and shown. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static PaymentSource fromWire(String text) {
        return text == null ? API : valueOf(text.toUpperCase(Locale.ROOT));
    }
}
