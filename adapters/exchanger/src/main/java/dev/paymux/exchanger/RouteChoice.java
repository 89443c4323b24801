package dev.paymux.exchanger;

import dev.paymux.core.spi.PaymentIntent;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which configured route takes an intent, and at what cost: the cheapest available route from the
 * intent's pay-in currency whose limits hold the amount (config order breaks ties). Pure: no network.
 *
 * @param route  the route, or null when none fits
 * @param cost   what it costs the merchant in {@code currency}
 * @param reason why no route fits, when none does
 */
record RouteChoice(ExchangerRoute route, BigDecimal cost, String currency, String reason) {

    static RouteChoice choose(List<ExchangerRoute> routes, PaymentIntent intent) {
        String pay = CurrencyCodes.normalise(intent.payCurrency() != null ? intent.payCurrency() : intent.currency());
        if (!CurrencyCodes.normalise(intent.currency()).equals(pay)) {
            // The exchanger's amount is the pay-in amount; converting is Paymux's job, before routing.
            return none("the exchanger takes amounts in the pay-in currency " + pay + ", not " + intent.currency());
        }
        List<ExchangerRoute> from = routes.stream().filter(r -> r.payCurrency().equals(pay)).toList();
        if (from.isEmpty()) {
            return none(pay + " is not offered by any configured route");
        }
        List<ExchangerRoute> open = from.stream().filter(ExchangerRoute::available).toList();
        if (open.isEmpty()) {
            return none(pay + " is currently unavailable at the exchanger");
        }
        List<ExchangerRoute> fitting = open.stream().filter(r -> r.accepts(intent.amount())).toList();
        if (fitting.isEmpty()) {
            return none("amount " + intent.amount().toPlainString() + " is outside the limits "
                    + open.stream().map(RouteChoice::limits).collect(Collectors.joining(", ")));
        }
        int scale = CurrencyCodes.scale(pay);
        ExchangerRoute best = null;
        BigDecimal bestCost = null;
        for (ExchangerRoute route : fitting) {
            // Every route converts (pay-in and pay-out differ), so the FX spread is part of the cost.
            boolean converts = !route.payCurrency().equals(route.payoutCurrency());
            BigDecimal cost = route.fees().cost(intent.amount(), converts, scale);
            if (bestCost == null || cost.compareTo(bestCost) < 0) {
                best = route;
                bestCost = cost;
            }
        }
        return new RouteChoice(best, bestCost, pay, null);
    }

    boolean found() {
        return route != null;
    }

    private static RouteChoice none(String reason) {
        return new RouteChoice(null, null, null, reason);
    }

    private static String limits(ExchangerRoute route) {
        return (route.min() == null ? "-" : route.min().toPlainString()) + " .. "
                + (route.max() == null ? "-" : route.max().toPlainString());
    }
}
