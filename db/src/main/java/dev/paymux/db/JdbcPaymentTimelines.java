package dev.paymux.db;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentTimelines;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The payment's history read from the tables each part of Paymux writes; nothing is stored twice. */
final class JdbcPaymentTimelines implements PaymentTimelines {

    private final JdbcClient jdbc;

    JdbcPaymentTimelines(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Timeline of(PaymentId payment) {
        List<Entry> entries = new ArrayList<>();
        var id = payment.value();
        entries.addAll(jdbc.sql("select at, from_status, to_status, reason from payment_events where payment_id = :p order by id")
                .param("p", id).query((rs, n) -> new Entry(Sql.instant(rs, "at"), "status",
                        rs.getString("from_status") == null ? "created: " + rs.getString("to_status")
                                : rs.getString("from_status") + " → " + rs.getString("to_status"),
                        rs.getString("reason"))).list());
        entries.addAll(jdbc.sql("select decided_at, planned, placed_at, placed_cost, saving, cost_currency "
                        + "from route_decisions where payment_id = :p").param("p", id)
                .query((rs, n) -> new Entry(Sql.instant(rs, "decided_at"), "routing",
                        "routed: " + (rs.getString("placed_at") != null ? "placed at " + rs.getString("placed_at")
                                : "planned " + rs.getString("planned")),
                        rs.getBigDecimal("placed_cost") == null ? null : "cost " + plain(rs.getBigDecimal("placed_cost"))
                                + " " + rs.getString("cost_currency") + ", saving " + plain(rs.getBigDecimal("saving"))
                                + " " + rs.getString("cost_currency"))).list());
        entries.addAll(jdbc.sql("select instance, started_at, outcome, error, latency_ms from route_attempts "
                        + "where payment_id = :p order by id").param("p", id)
                .query((rs, n) -> new Entry(Sql.instant(rs, "started_at"), "attempt",
                        "attempt at " + rs.getString("instance") + ": " + rs.getString("outcome"),
                        (rs.getString("error") == null ? "" : rs.getString("error") + "; ")
                                + rs.getLong("latency_ms") + " ms")).list());
        entries.addAll(jdbc.sql("select instance, received_at, raw_status, outcome from provider_callbacks "
                        + "where payment_id = :p order by id").param("p", id)
                .query((rs, n) -> new Entry(Sql.instant(rs, "received_at"), "callback",
                        "callback from " + rs.getString("instance") + ": " + rs.getString("raw_status"),
                        rs.getString("outcome"))).list());
        entries.addAll(jdbc.sql("select chain, tx_hash, idx, asset, amount, confirmations, first_seen_at, dropped_at, "
                        + "drop_reason, match from chain_transfers where payment_id = :p order by id").param("p", id)
                .query((rs, n) -> new Entry(Sql.instant(rs, "first_seen_at"), "chain",
                        "transfer of " + plain(rs.getBigDecimal("amount")) + " " + rs.getString("asset") + " on "
                                + rs.getString("chain") + (rs.getTimestamp("dropped_at") != null ? " (dropped: "
                                + rs.getString("drop_reason") + ")" : ""),
                        rs.getString("tx_hash") + ":" + rs.getInt("idx") + ", " + rs.getInt("confirmations")
                                + " confirmations, " + rs.getString("match"))).list());
        entries.addAll(jdbc.sql("""
                        select e.created_at, e.idempotency_key, e.description,
                               string_agg(p.kind || ' ' || p.asset || ' ' || trim(trailing '.' from trim(trailing '0' from p.amount::text)),
                                          ', ' order by p.id) as postings
                        from journal_entries e join postings p on p.entry_id = e.id
                        where e.idempotency_key like 'provider-payment:' || :p || ':%'
                           or exists (select 1 from chain_transfers t where t.payment_id = :pid
                                      and e.idempotency_key like 'transfer:' || lower(t.chain) || ':' || t.tx_hash || ':' || t.idx || ':%')
                        group by e.id order by e.id
                        """).param("p", id.toString()).param("pid", id)
                .query((rs, n) -> new Entry(Sql.instant(rs, "created_at"), "ledger",
                        "ledger: " + rs.getString("description"), rs.getString("postings"))).list());
        List<Delivery> deliveries = jdbc.sql("select id, type, state, attempts, last_status_code, last_error, created_at, "
                        + "delivered_at from webhook_events where payment_id = :p order by seq").param("p", id)
                .query((rs, n) -> new Delivery(rs.getString("id"), rs.getString("type"), rs.getString("state"),
                        rs.getInt("attempts"), (Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
                        Sql.instant(rs, "created_at"), Sql.instant(rs, "delivered_at"))).list();
        for (Delivery d : deliveries) {
            entries.add(new Entry(d.createdAt(), "webhook", "webhook " + d.type() + ": " + d.state(),
                    d.attempts() + " attempt" + (d.attempts() == 1 ? "" : "s")
                            + (d.lastStatusCode() == null ? "" : ", last answer " + d.lastStatusCode())));
        }
        List<RouteCandidate> candidates = jdbc.sql("""
                        select c.position, c.instance, c.type, c.eligible, c.cost, c.currency, c.reason,
                               c.instance = d.placed_at as placed
                        from route_candidates c join route_decisions d on d.payment_id = c.payment_id
                        where c.payment_id = :p order by c.position
                        """).param("p", id)
                .query((rs, n) -> new RouteCandidate(rs.getInt("position"), rs.getString("instance"), rs.getString("type"),
                        rs.getBoolean("eligible"), rs.getBigDecimal("cost"), rs.getString("currency"),
                        rs.getString("reason"), rs.getBoolean("placed"))).list();
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return new Timeline(List.copyOf(entries), candidates, deliveries);
    }

    private static String plain(BigDecimal amount) {
        return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
    }
}
