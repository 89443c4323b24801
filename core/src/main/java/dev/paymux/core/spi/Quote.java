package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A provider instance's answer to "what would this payment cost?": a cost in {@code currency}, or the
 * reason it cannot take the payment (unsupported currency, amount out of limits, method unavailable).
 */
public record Quote(String instance, boolean eligible, BigDecimal cost, String currency, String reason) {

    public Quote {
        Objects.requireNonNull(instance, "instance");
        if (eligible && cost == null) {
            throw new IllegalArgumentException("an eligible quote has a cost");
        }
        if (!eligible && reason == null) {
            throw new IllegalArgumentException("an ineligible quote says why");
        }
    }

    public static Quote of(String instance, BigDecimal cost, String currency) {
        return new Quote(instance, true, cost, currency, null);
    }

    public static Quote notEligible(String instance, String reason) {
        return new Quote(instance, false, null, null, reason);
    }

    /** The quote of an instance's pay methods for an intent: limits, availability and fees checked. */
    public static Quote fromMethods(String instance, Capabilities capabilities, PaymentIntent intent, int scale) {
        String pay = intent.payCurrency() != null ? intent.payCurrency() : intent.currency();
        PayMethod method = capabilities.method(pay).orElse(null);
        if (method == null) {
            return notEligible(instance, pay + " is not supported");
        }
        if (!method.available()) {
            return notEligible(instance, pay + " is currently unavailable at the provider");
        }
        if (!method.accepts(intent.amount())) {
            return notEligible(instance, "amount " + intent.amount().toPlainString() + " is outside the limits "
                    + (method.min() == null ? "-" : method.min().toPlainString()) + " .. "
                    + (method.max() == null ? "-" : method.max().toPlainString()));
        }
        boolean converts = !pay.equalsIgnoreCase(intent.currency());
        return of(instance, method.fees().cost(intent.amount(), converts, scale), pay);
    }
}
