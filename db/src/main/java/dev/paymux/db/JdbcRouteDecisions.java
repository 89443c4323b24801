package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;
import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.routing.Candidate;
import dev.paymux.core.routing.RouteDecision;
import dev.paymux.core.routing.RouteDecisions;
import dev.paymux.core.routing.StoredRoute;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcRouteDecisions implements RouteDecisions {

    private final JdbcClient jdbc;

    JdbcRouteDecisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void record(PaymentId payment, PaymentIntent intent, RouteDecision decision, Instant now) {
        String planned = decision.chosen().map(Candidate::instance).orElse(null);
        String costCurrency = decision.chosen().map(Candidate::currency).orElse(null);
        jdbc.sql("""
                insert into route_decisions (payment_id, decided_at, amount, currency, pay_currency, planned, cost_currency)
                values (:p, :now, :amount, :currency, :pay, :planned, :cc)
                on conflict (payment_id) do update set decided_at = excluded.decided_at, planned = excluded.planned,
                    cost_currency = excluded.cost_currency""")
                .param("p", payment.value()).param("now", ts(now)).param("amount", intent.amount())
                .param("currency", intent.currency()).param("pay", intent.payCurrency()).param("planned", planned)
                .param("cc", costCurrency).update();
        jdbc.sql("delete from route_candidates where payment_id = :p").param("p", payment.value()).update();
        List<Candidate> all = decision.candidates();
        for (int i = 0; i < all.size(); i++) {
            Candidate c = all.get(i);
            jdbc.sql("""
                    insert into route_candidates (payment_id, position, instance, type, eligible, cost, currency,
                        effective_cost, success_per_mille, latency_ms, reason)
                    values (:p, :pos, :i, :t, :e, :cost, :cur, :eff, :s, :l, :r)""")
                    .param("p", payment.value()).param("pos", i).param("i", c.instance()).param("t", c.type())
                    .param("e", c.eligible()).param("cost", c.cost()).param("cur", c.currency())
                    .param("eff", c.effectiveCost()).param("s", c.successPerMille()).param("l", c.latencyMillis())
                    .param("r", c.reason()).update();
        }
    }

    @Override
    public boolean lease(PaymentId payment, Instant now, Instant until) {
        return jdbc.sql("""
                update route_decisions set routing_until = :until
                where payment_id = :p and placed_at is null and (routing_until is null or routing_until <= :now)""")
                .param("p", payment.value()).param("now", ts(now)).param("until", ts(until)).update() == 1;
    }

    @Override
    public void renew(PaymentId payment, Instant until) {
        jdbc.sql("update route_decisions set routing_until = :until where payment_id = :p and placed_at is null")
                .param("p", payment.value()).param("until", ts(until)).update();
    }

    @Override
    public void placed(PaymentId payment, String instance, BigDecimal cost, BigDecimal saving) {
        jdbc.sql("""
                update route_decisions set placed_at = :i, placed_cost = :c, saving = :s, routing_until = null,
                    cost_currency = coalesce((select currency from route_candidates
                        where payment_id = :p and instance = :i and eligible), cost_currency)
                where payment_id = :p""")
                .param("p", payment.value()).param("i", instance).param("c", cost).param("s", saving).update();
    }

    @Override
    public void released(PaymentId payment) {
        jdbc.sql("update route_decisions set routing_until = null where payment_id = :p")
                .param("p", payment.value()).update();
    }

    @Override
    public Optional<StoredRoute> find(PaymentId payment) {
        List<Candidate> candidates = jdbc.sql("""
                select instance, type, eligible, cost, currency, effective_cost, success_per_mille, latency_ms, reason
                from route_candidates where payment_id = :p order by position""")
                .param("p", payment.value())
                .query((rs, i) -> new Candidate(rs.getString("instance"), rs.getString("type"), rs.getBoolean("eligible"),
                        decimal(rs, "cost"), rs.getString("currency"), decimal(rs, "effective_cost"),
                        rs.getInt("success_per_mille"), rs.getLong("latency_ms"), rs.getString("reason")))
                .list();
        return jdbc.sql("select * from route_decisions where payment_id = :p").param("p", payment.value())
                .query((rs, i) -> new StoredRoute(instant(rs, "decided_at"), decimal(rs, "amount"),
                        rs.getString("currency"), rs.getString("pay_currency"), rs.getString("planned"),
                        rs.getString("placed_at"), decimal(rs, "placed_cost"), decimal(rs, "saving"),
                        rs.getString("cost_currency"), candidates))
                .optional();
    }
}
