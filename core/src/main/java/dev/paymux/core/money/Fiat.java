package dev.paymux.core.money;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Fiat currencies a payment may be priced in, and that a fiat provider may collect. */
public enum Fiat implements Currency {
    USD, EUR, RUB, CNY, GBP;

    /** Fiat amounts carry at most this many decimals. */
    public static final int SCALE = 2;

    @Override
    public String code() {
        return name();
    }

    @Override
    public int decimals() {
        return SCALE;
    }

    @Override
    public int displayScale() {
        return SCALE;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Fiat> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.name().equals(upper)).findFirst();
    }
}
