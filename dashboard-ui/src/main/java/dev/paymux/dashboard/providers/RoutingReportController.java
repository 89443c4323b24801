package dev.paymux.dashboard.providers;

import dev.paymux.core.routing.RoutingReports;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.signin.SignedInUser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Operators: what routing by cost did over a chosen period, per provider instance: payments, success,
 * volume, cost and the saving against the most expensive eligible candidate, per cost currency.
 */
@Controller
class RoutingReportController {

    static final List<Integer> PERIODS = List.of(1, 7, 30, 90);

    private final RoutingReports reports;
    private final Transactions tx;
    private final Clock clock;

    RoutingReportController(RoutingReports reports, Transactions tx, Clock clock) {
        this.reports = reports;
        this.tx = tx;
        this.clock = clock;
    }

    /** One instance's figures in one cost currency, and its share of the period's largest saving for the bar. */
    record Row(String instance, long payments, BigDecimal successRate, long meanLatencyMillis, String currency,
            BigDecimal volume, BigDecimal cost, BigDecimal saving, int barPercent) {
    }

    record Total(String currency, BigDecimal volume, BigDecimal cost, BigDecimal saving) {
    }

    @GetMapping("/dashboard/operator/routing")
    ModelAndView report(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "1") String days) {
        int period = PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(1);
        Instant since = clock.instant().minus(Duration.ofDays(period));
        List<RoutingReports.InstanceReport> found = tx.inTransaction(() -> reports.since(since));
        BigDecimal largest = found.stream().flatMap(r -> r.totals().stream()).map(RoutingReports.CurrencyTotals::saving)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        List<Row> rows = new ArrayList<>();
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (RoutingReports.InstanceReport r : found) {
            if (r.totals().isEmpty()) {
                rows.add(new Row(r.instance(), r.payments(), r.successRate(), r.meanLatencyMillis(), null, null, null,
                        null, 0));
            }
            for (RoutingReports.CurrencyTotals t : r.totals()) {
                int bar = largest.signum() == 0 ? 0 : t.saving().multiply(BigDecimal.valueOf(100))
                        .divide(largest, 0, RoundingMode.HALF_UP).intValue();
                rows.add(new Row(r.instance(), r.payments(), r.successRate(), r.meanLatencyMillis(), t.currency(),
                        plain(t.volume()), plain(t.cost()), plain(t.saving()), bar));
                BigDecimal[] s = sums.computeIfAbsent(t.currency(),
                        c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(t.volume());
                s[1] = s[1].add(t.cost());
                s[2] = s[2].add(t.saving());
            }
        }
        ModelAndView page = new ModelAndView("dashboard/routing");
        String chartCurrency = sums.entrySet().stream().max(java.util.Comparator.comparing(e -> e.getValue()[2]))
                .map(Map.Entry::getKey).orElse(null);
        page.addObject("chartCurrency", chartCurrency);
        page.addObject("chartJson", chartCurrency == null ? null : chart(period, chartCurrency));
        page.addObject("me", me);
        page.addObject("section", "routing");
        page.addObject("period", period);
        page.addObject("periods", PERIODS);
        page.addObject("rows", rows);
        page.addObject("totals", sums.entrySet().stream()
                .map(e -> new Total(e.getKey(), plain(e.getValue()[0]), plain(e.getValue()[1]), plain(e.getValue()[2])))
                .toList());
        return page;
    }

    /**
     * The saving per instance and day in one currency, as the chart's JSON: {@code {"instances":[…],
     * "data":[[day start, epoch seconds…],[saving of the first instance…],…]}}. Each day is the difference
     * of two reports (since its start, since the next day's), so the figures are the report's own.
     */
    private String chart(int period, String currency) {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        List<Instant> starts = new ArrayList<>();
        for (int i = period - 1; i >= 0; i--) {
            starts.add(today.minusDays(i).atStartOfDay(java.time.ZoneOffset.UTC).toInstant());
        }
        List<Map<String, BigDecimal>> cumulative = new ArrayList<>();
        for (Instant start : starts) {
            Map<String, BigDecimal> byInstance = new TreeMap<>();
            for (RoutingReports.InstanceReport r : tx.inTransaction(() -> reports.since(start))) {
                r.totals().stream().filter(t -> t.currency().equals(currency))
                        .forEach(t -> byInstance.merge(r.instance(), t.saving(), BigDecimal::add));
            }
            cumulative.add(byInstance);
        }
        List<String> instances = cumulative.get(0).keySet().stream().toList();
        StringBuilder json = new StringBuilder("{\"instances\":[");
        for (int i = 0; i < instances.size(); i++) {
            json.append(i == 0 ? "" : ",").append('"').append(instances.get(i).replaceAll("[^A-Za-z0-9._-]", "")).append('"');
        }
        json.append("],\"data\":[[");
        for (int d = 0; d < starts.size(); d++) {
            json.append(d == 0 ? "" : ",").append(starts.get(d).getEpochSecond());
        }
        json.append(']');
        for (String instance : instances) {
            json.append(",[");
            for (int d = 0; d < starts.size(); d++) {
                BigDecimal from = cumulative.get(d).getOrDefault(instance, BigDecimal.ZERO);
                BigDecimal next = d + 1 < starts.size() ? cumulative.get(d + 1).getOrDefault(instance, BigDecimal.ZERO)
                        : BigDecimal.ZERO;
                json.append(d == 0 ? "" : ",").append(from.subtract(next).stripTrailingZeros().toPlainString());
            }
            json.append(']');
        }
        return json.append("]}").toString();
    }

    private static BigDecimal plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().scale() < 0 ? d.setScale(0) : d.stripTrailingZeros();
    }
}
