package dev.paymux.exchanger;

import dev.paymux.core.spi.FeeSchedule;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One direction of the exchanger: the customer pays {@code fromCode}, the exchanger pays out
 * {@code toCode} to the merchant's requisites in {@code toValues}. The router reads these (through
 * {@link ExchangerProvider#routes()}) to know which pay-ins an instance takes and at what cost.
 *
 * @param routeId     the exchanger's route id (an ObjectID), sent as {@code routeId}
 * @param fromCode    the pay-in XML code, e.g. {@code USDTTRC20} or {@code CARDRUB}
 * @param toCode      the pay-out XML code, e.g. {@code USDTTRC20}
 * @param min         the least the route takes, in {@code fromCode}, or null
 * @param max         the most the route takes, in {@code fromCode}, or null
 * @param fees        what the operator has agreed the route costs the merchant (the exchanger has no
 *                    fee API: its margin is in the rate, so the FX spread belongs here)
 * @param fromValues  fixed values of the route's pay-in form fields (field key -> value), sent as
 *                    {@code fromValues[i][key|value]}
 * @param toValues    the merchant's pay-out requisites (field key -> value), e.g. the wallet address
 * @param routeValues fixed values of the route's own extra fields
 * @param available   false while {@code route/get} does not list the route (or shows it switched off)
 */
public record ExchangerRoute(String routeId, String fromCode, String toCode, BigDecimal min, BigDecimal max,
        FeeSchedule fees, Map<String, String> fromValues, Map<String, String> toValues,
        Map<String, String> routeValues, boolean available) {

    public ExchangerRoute {
        Objects.requireNonNull(routeId, "routeId");
        Objects.requireNonNull(fromCode, "fromCode");
        Objects.requireNonNull(toCode, "toCode");
        fees = fees == null ? FeeSchedule.free() : fees;
        fromValues = ordered(fromValues);
        toValues = ordered(toValues);
        routeValues = ordered(routeValues);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("route " + routeId + ": min " + min + " is above max " + max);
        }
    }

    /** A route with limits and fees and no extra field values. */
    public static ExchangerRoute of(String routeId, String fromCode, String toCode, BigDecimal min, BigDecimal max,
            FeeSchedule fees) {
        return new ExchangerRoute(routeId, fromCode, toCode, min, max, fees, Map.of(), Map.of(), Map.of(), true);
    }

    /** The same route with the merchant's pay-out requisites. */
    public ExchangerRoute withToValues(Map<String, String> values) {
        return new ExchangerRoute(routeId, fromCode, toCode, min, max, fees, fromValues, values, routeValues,
                available);
    }

    /** The same route with limits and availability as {@code route/get} reports them. */
    public ExchangerRoute withLimits(BigDecimal newMin, BigDecimal newMax, boolean nowAvailable) {
        return new ExchangerRoute(routeId, fromCode, toCode, newMin, newMax, fees, fromValues, toValues, routeValues,
                nowAvailable);
    }

    /** The Paymux code the customer pays with ({@code USDT_TRC20}, {@code RUB}). */
    public String payCurrency() {
        return CurrencyCodes.normalise(fromCode);
    }

    /** The Paymux code the merchant receives. */
    public String payoutCurrency() {
        return CurrencyCodes.normalise(toCode);
    }

    /** Whether {@code amount} (in {@code fromCode}) is within the limits. */
    public boolean accepts(BigDecimal amount) {
        return (min == null || amount.compareTo(min) >= 0) && (max == null || amount.compareTo(max) <= 0);
    }

    private static Map<String, String> ordered(Map<String, String> values) {
        return values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
