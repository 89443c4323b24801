package dev.paymux.core.checkout;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * One asset a customer may choose for a payment awaiting the choice, as {@link Checkout#offers} decides it
 * now: what the customer would pay in it and, when the asset cannot be chosen right now, why not.
 *
 * @param amount       what the customer would pay in the asset (with the provider's fee when the store passes
 *                     fees on), or null when no rate is available to convert the price
 * @param unavailable  why the asset cannot be chosen now, or null when it can
 */
public record Offer(Asset asset, BigDecimal amount, Unavailable unavailable) {

    /** Why an asset the store accepts cannot be chosen right now. */
    public enum Unavailable {
        /** The price cannot be converted: no exchange rate is available. */
        NO_RATE("no exchange rate is available right now"),
        /** A store whose payments Paymux takes itself has no pool address and no extended public key for it. */
        NO_ADDRESS("the store has no receiving address for it"),
        /** A routed store: no provider instance can take a payment in the asset now. */
        NO_PROVIDER("no payment provider can take it right now");

        private final String text;

        Unavailable(String text) {
            this.text = text;
        }

        /** A stable lower-case code, e.g. {@code no_address}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The reason in English words, e.g. for an API answer. */
        public String text() {
            return text;
        }
    }

    public boolean available() {
        return unavailable == null;
    }
}
