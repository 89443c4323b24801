package dev.paymux.core.money;

import java.math.BigDecimal;

/** Validation of amounts given by callers: positive, bounded, and not more precise than allowed. */
public final class Amounts {

    /** No single payment may ask for more than this, in any unit; it keeps numbers sane, not a business limit. */
    public static final BigDecimal MAX = new BigDecimal("1000000000000");

    private Amounts() {
    }

    /**
     * Checks an amount and returns it stripped of trailing zeros beyond {@code maxScale}.
     *
     * @throws InvalidAmountException with a message fit for the caller when the amount is not acceptable
     */
    public static BigDecimal check(String field, BigDecimal value, int maxScale) {
        if (value == null) {
            throw new InvalidAmountException(field + " is required");
        }
        if (value.signum() <= 0) {
            throw new InvalidAmountException(field + " must be greater than zero");
        }
        if (value.compareTo(MAX) > 0) {
            throw new InvalidAmountException(field + " is too large");
        }
        BigDecimal normalized = value.stripTrailingZeros();
        if (normalized.scale() > maxScale) {
            throw new InvalidAmountException(field + " has more than " + maxScale + " decimal places");
        }
        return normalized.scale() < 0 ? normalized.setScale(0) : normalized;
    }

    /**
     * Parses a decimal string strictly: digits with an optional fraction and an optional exponent
     * ({@code "1e5"}, so the string and the JSON number {@code 1e5} mean the same), no spaces, no sign
     * other than '-'.
     */
    public static BigDecimal parse(String field, String text) {
        if (text == null || !text.matches("-?\\d{1,30}(\\.\\d{1,30})?([eE][-+]?\\d{1,3})?")) {
            throw new InvalidAmountException(field + " must be a decimal number such as \"100.00\"");
        }
        return new BigDecimal(text);
    }

    public static final class InvalidAmountException extends IllegalArgumentException {
        public InvalidAmountException(String message) {
            super(message);
        }
    }
}
