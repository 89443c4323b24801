package dev.paymux.db;

import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.routing.InstanceStats;
import dev.paymux.core.routing.RouteAttempt;
import dev.paymux.core.routing.RouteAttempts;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcRouteAttempts implements RouteAttempts {

    private final JdbcClient jdbc;

    JdbcRouteAttempts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long started(PaymentId payment, String instance, Instant now) {
        return jdbc.sql("""
                insert into route_attempts (payment_id, instance, started_at, outcome) values (:p, :i, :now, 'started')
                returning id""")
                .param("p", payment.value()).param("i", instance).param("now", ts(now)).query(Long.class).single();
    }

    @Override
    public void finished(long attempt, RouteAttempt.Outcome outcome, String error, long latencyMillis, Instant now) {
        jdbc.sql("update route_attempts set outcome = :o, error = :e, latency_ms = :l, finished_at = :now where id = :id")
                .param("o", outcome.wire()).param("e", error == null ? null : truncate(error))
                .param("l", latencyMillis).param("now", ts(now)).param("id", attempt).update();
    }

    @Override
    public List<RouteAttempt> of(PaymentId payment) {
        return jdbc.sql("select * from route_attempts where payment_id = :p order by id").param("p", payment.value())
                .query((rs, i) -> new RouteAttempt(rs.getLong("id"), rs.getString("instance"), instant(rs, "started_at"),
                        instant(rs, "finished_at"),
                        RouteAttempt.Outcome.valueOf(rs.getString("outcome").toUpperCase(Locale.ROOT)),
                        rs.getString("error"), (Long) rs.getObject("latency_ms")))
                .list();
    }

    @Override
    public Map<String, InstanceStats> stats(Instant since) {
        Map<String, InstanceStats> stats = new HashMap<>();
        jdbc.sql("""
                select instance, count(*) filter (where outcome = 'created') as ok, count(*) as total,
                    coalesce(avg(latency_ms) filter (where outcome = 'created'), 0) as latency
                from route_attempts where started_at >= :since and outcome <> 'started' group by instance""")
                .param("since", ts(since))
                .query(rs -> {
                    long total = rs.getLong("total");
                    int perMille = total == 0 ? 1000 : (int) (rs.getLong("ok") * 1000 / total);
                    stats.put(rs.getString("instance"), new InstanceStats(perMille, Math.round(rs.getDouble("latency"))));
                });
        return stats;
    }

    private static String truncate(String s) {
        return s.length() <= 500 ? s : s.substring(0, 500);
    }
}
