package dev.paymux.core.money;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A pay-in currency on a network. {@code decimals} is the chain's own precision (the most an amount
 * may carry); {@code displayScale} is the precision amounts are shown and priced with, which is also
 * the step of the unique-amount offsets of the address pool.
 */
public enum Asset implements Currency {
    USDT_TRC20("usdt", 6, 2),
    USDT_ERC20("usdt", 6, 2),
    BTC("btc", 8, 8),
    ETH("eth", 18, 8);

    private final String ticker;
    private final int decimals;
    private final int displayScale;

    Asset(String ticker, int decimals, int displayScale) {
        this.ticker = ticker;
        this.decimals = decimals;
        this.displayScale = displayScale;
    }

    /** Lower-case ticker of the coin, the key the rates table uses ({@code usdt}, {@code btc}, {@code eth}). */
    public String ticker() {
        return ticker;
    }

    @Override
    public String code() {
        return name();
    }

    @Override
    public int decimals() {
        return decimals;
    }

    @Override
    public int displayScale() {
        return displayScale;
    }

    /** The smallest unit at display precision, e.g. 0.01 for USDT. */
    public BigDecimal step() {
        return BigDecimal.ONE.movePointLeft(displayScale);
    }

    public static Optional<Asset> parse(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String upper = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(upper)).findFirst();
    }
}
