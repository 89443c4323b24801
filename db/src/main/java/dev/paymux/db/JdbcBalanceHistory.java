package dev.paymux.db;

import dev.paymux.core.ledger.BalanceHistory;
import dev.paymux.core.store.StoreId;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-of-day balances: the day's closing sum of the store's postings, each day's changes added to the
 * balance before the period in one window, so a period costs one pass over its postings.
 */
final class JdbcBalanceHistory implements BalanceHistory {

    private final JdbcClient jdbc;

    JdbcBalanceHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Day> daily(StoreId store, String currency, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                with opening as (
                    select coalesce(sum(p.amount) filter (where p.kind = 'AVAILABLE'), 0) as available,
                           coalesce(sum(p.amount) filter (where p.kind = 'PENDING'), 0) as pending
                    from postings p join journal_entries e on e.id = p.entry_id
                    where p.store_id = :store and p.asset = :asset and e.created_at < (:from)::date::timestamp at time zone 'UTC'
                ), changes as (
                    select (e.created_at at time zone 'UTC')::date as day,
                           coalesce(sum(p.amount) filter (where p.kind = 'AVAILABLE'), 0) as available,
                           coalesce(sum(p.amount) filter (where p.kind = 'PENDING'), 0) as pending
                    from postings p join journal_entries e on e.id = p.entry_id
                    where p.store_id = :store and p.asset = :asset
                      and e.created_at >= (:from)::date::timestamp at time zone 'UTC'
                      and e.created_at < ((:to)::date + 1)::timestamp at time zone 'UTC'
                    group by 1
                )
                select d::date as day,
                       o.available + coalesce(sum(c.available) over w, 0) as available,
                       o.pending + coalesce(sum(c.pending) over w, 0) as pending
                from generate_series((:from)::date, (:to)::date, interval '1 day') d
                cross join opening o
                left join changes c on c.day = d::date
                window w as (order by d rows between unbounded preceding and current row)
                order by d
                """)
                .param("store", store.value()).param("asset", currency).param("from", from.toString())
                .param("to", to.toString())
                .query((rs, n) -> new Day(rs.getObject("day", LocalDate.class), rs.getBigDecimal("available"),
                        rs.getBigDecimal("pending"))).list();
    }
}
