package dev.paymux.api.rates;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Small helpers shared by the sources: which coins we price, and reading a price safely. */
final class Prices {

    /** The coins the rates table carries: one per distinct asset ticker (btc, eth, usdt). */
    static final List<String> COINS = Arrays.stream(Asset.values()).map(Asset::ticker).distinct().sorted().toList();

    private Prices() {
    }

    /**
     * A price given as a decimal string, as both sources document. Numbers are refused on purpose: a JSON
     * float may already have gone through a double, and money never does.
     */
    static Optional<BigDecimal> positive(JsonNode node) {
        if (node == null || !node.isString()) {
            return Optional.empty();
        }
        try {
            BigDecimal value = new BigDecimal(node.stringValue().trim());
            return value.signum() > 0 ? Optional.of(plain(value)) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Without insignificant zeros and never with a negative scale, so 97500.000 is shown as 97500. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
