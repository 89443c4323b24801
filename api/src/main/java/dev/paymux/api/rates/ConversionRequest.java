package dev.paymux.api.rates;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The optional {@code amount}/{@code fiat}/{@code crypto} of {@code GET /api/v1/rates}, validated. */
record ConversionRequest(BigDecimal amount, Fiat fiat, Asset asset) {

    /** Far above any payment, low enough that nobody mistakes a typo for a price. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /** Digits with an optional fraction: no sign, no exponent, no grouping. */
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,20}(\\.[0-9]{1,20})?");

    static Optional<ConversionRequest> from(String amount, String fiat, String crypto) {
        if (amount == null && fiat == null && crypto == null) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        if (amount == null) {
            missing.add("amount");
        }
        if (fiat == null) {
            missing.add("fiat");
        }
        if (crypto == null) {
            missing.add("crypto");
        }
        if (!missing.isEmpty()) {
            throw badRequest("a conversion needs amount, fiat and crypto together; missing " + String.join(", ", missing));
        }
        return Optional.of(new ConversionRequest(amount(amount.trim()),
                Fiat.parse(fiat).orElseThrow(() -> badRequest("fiat must be one of " + names(Fiat.values()))),
                Asset.parse(crypto).orElseThrow(() -> badRequest("crypto must be one of " + names(Asset.values())))));
    }

    private static BigDecimal amount(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            throw badRequest("amount must be a positive decimal number such as 5000 or 99.90");
        }
        BigDecimal amount = new BigDecimal(text);
        if (amount.signum() <= 0) {
            throw badRequest("amount must be greater than zero");
        }
        if (amount.stripTrailingZeros().scale() > Fiat.SCALE) {
            throw badRequest("amount may have at most " + Fiat.SCALE + " decimals");
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            throw badRequest("amount must not exceed " + MAX_AMOUNT.toPlainString());
        }
        return amount;
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }
}
