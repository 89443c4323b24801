package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.routing.RoutingReports;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcRoutingReports implements RoutingReports {

    private final JdbcClient jdbc;

    JdbcRoutingReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final class Row {
        long payments;
        long created;
        long rejected;
        long abandoned;
        long latency;
        final List<CurrencyTotals> totals = new ArrayList<>();
    }

    @Override
    public List<InstanceReport> since(Instant since) {
        Map<String, Row> rows = new TreeMap<>();
        jdbc.sql("""
                select instance, count(*) filter (where outcome = 'created') as created,
                    count(*) filter (where outcome = 'rejected') as rejected,
                    count(*) filter (where outcome = 'abandoned') as abandoned,
                    coalesce(round(avg(latency_ms) filter (where outcome = 'created')), 0) as latency
                from route_attempts where started_at >= :since group by instance""")
                .param("since", ts(since))
                .query(rs -> {
                    Row r = rows.computeIfAbsent(rs.getString("instance"), i -> new Row());
                    r.created = rs.getLong("created");
                    r.rejected = rs.getLong("rejected");
                    r.abandoned = rs.getLong("abandoned");
                    r.latency = rs.getLong("latency");
                });
        jdbc.sql("""
                select placed_at, cost_currency, count(*) as payments, sum(amount) as volume, sum(placed_cost) as cost,
                    sum(saving) as saving
                from route_decisions where placed_at is not null and decided_at >= :since
                group by placed_at, cost_currency order by placed_at, cost_currency""")
                .param("since", ts(since))
                .query(rs -> {
                    Row r = rows.computeIfAbsent(rs.getString("placed_at"), i -> new Row());
                    r.payments += rs.getLong("payments");
                    r.totals.add(new CurrencyTotals(rs.getString("cost_currency"), decimal(rs, "volume"),
                            decimal(rs, "cost"), decimal(rs, "saving")));
                });
        List<InstanceReport> reports = new ArrayList<>();
        rows.forEach((instance, r) -> reports.add(new InstanceReport(instance, r.payments, r.created, r.rejected,
                r.abandoned, r.latency, List.copyOf(r.totals))));
        return reports;
    }
}
