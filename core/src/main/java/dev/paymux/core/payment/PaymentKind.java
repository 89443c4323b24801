package dev.paymux.core.payment;

import java.util.Locale;
import java.util.Optional;

/** What a payment is for: a merchant's order, or a donation made through the store's public donation API. */
public enum PaymentKind {
    PAYMENT, DONATION;

    /** Lower-case name, as stored and as the API's list filter spells it. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<PaymentKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (PaymentKind k : values()) {
            if (k.wire().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
