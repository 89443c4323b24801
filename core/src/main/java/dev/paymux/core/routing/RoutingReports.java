package dev.paymux.core.routing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** What routing did over a period, per provider instance: exact sums from the stored decisions and attempts. */
public interface RoutingReports {

    List<InstanceReport> since(Instant since);

    /**
     * @param payments   routed payments the instance holds
     * @param created    attempts that created a payment there
     * @param rejected   attempts the provider refused
     * @param abandoned  attempts with an unknown outcome (timeout, 5xx, open circuit)
     * @param totals     per cost currency: the amounts it took, what they cost, and what choosing it saved
     *                   against the most expensive eligible candidate
     */
    record InstanceReport(String instance, long payments, long created, long rejected, long abandoned,
            long meanLatencyMillis, List<CurrencyTotals> totals) {

        /** Created per finished attempt, in percent with one decimal; 100 without attempts. */
        public BigDecimal successRate() {
            long finished = created + rejected + abandoned;
            if (finished == 0) {
                return BigDecimal.valueOf(1000, 1);
            }
            return BigDecimal.valueOf(created * 1000 / finished, 1);
        }
    }

    record CurrencyTotals(String currency, BigDecimal volume, BigDecimal cost, BigDecimal saving) {
    }
}
