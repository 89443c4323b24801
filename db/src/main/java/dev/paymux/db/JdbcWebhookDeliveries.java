package dev.paymux.db;

import dev.paymux.core.store.SecretBox;

import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.store.StoreId;
import dev.paymux.core.webhook.AttemptOutcome;
import dev.paymux.core.webhook.Delivery;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.EventTypes;
import dev.paymux.core.webhook.WebhookDeliveries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcWebhookDeliveries implements WebhookDeliveries {

    private final JdbcClient jdbc;

    private final SecretBox box;

    JdbcWebhookDeliveries(JdbcClient jdbc, SecretBox box) {
        this.box = box;
        this.jdbc = jdbc;
    }

    @Override
    public List<Delivery> claim(Instant now, Instant leaseUntil, int limit, int perStore) {
        // Ranked per store so one batch never exceeds a store's share; an earlier pending or held event of
        // the same payment blocks later ones (in-order delivery; written as "is null or not exists" so it stays an
        // index probe per row instead of an anti-join the planner may scan badly before the table has
        // statistics); SKIP LOCKED keeps instances apart. The lease
        // condition is repeated on the locked row itself: the CTE reads the statement's snapshot, and only
        // conditions on the locked row are re-checked against a version another instance committed meanwhile.
        return jdbc.sql("""
                with in_flight as (
                    select store_id, count(*) as n from webhook_events
                    where state = 'pending' and lease_until >= :now group by store_id),
                due as (
                    select e.id, e.store_id,
                           row_number() over (partition by e.store_id order by e.next_attempt_at, e.seq) as rn
                    from webhook_events e
                    where e.state = 'pending' and e.next_attempt_at <= :now
                      and (e.lease_until is null or e.lease_until < :now)
                      and (e.payment_id is null or not exists (
                          select 1 from webhook_events p
                          where p.payment_id = e.payment_id and p.seq < e.seq
                            and p.state in ('pending', 'held')))),
                picked as (
                    select e.id from webhook_events e
                    join due d on d.id = e.id
                    left join in_flight f on f.store_id = d.store_id
                    where d.rn + coalesce(f.n, 0) <= :perStore
                      and e.state = 'pending' and (e.lease_until is null or e.lease_until < :now)
                    order by e.next_attempt_at, e.seq
                    limit :limit
                    for update of e skip locked)
                update webhook_events w set lease_until = :leaseUntil
                from picked, stores s
                where w.id = picked.id and s.id = w.store_id
                returning w.id, w.store_id, w.type, w.body, w.attempts, w.lease_until, s.webhook_url, s.webhook_secret,
                    case when s.webhook_secret_previous_expires_at > :now then s.webhook_secret_previous end
                        as previous_secret
                """)
                .param("now", ts(now)).param("leaseUntil", ts(leaseUntil)).param("limit", limit)
                .param("perStore", perStore)
                .query((rs, i) -> new Delivery(new EventId(rs.getObject("id", UUID.class)),
                        new StoreId(rs.getObject("store_id", UUID.class)), rs.getString("type"), rs.getString("body"),
                        rs.getInt("attempts"), instant(rs, "lease_until"), rs.getString("webhook_url"),
                        box.open(rs.getString("webhook_secret")), box.open(rs.getString("previous_secret"))))
                .list();
    }

    @Override
    public boolean delivered(Delivery d, AttemptOutcome o) {
        return settle(d, o, """
                update webhook_events set state = 'delivered', attempts = attempts + 1, lease_until = null,
                    delivered_at = :at, last_status_code = :code, last_error = null, state_reason = null
                where id = :id and state = 'pending' and lease_until = :lease
                """, o.startedAt().plusMillis(o.durationMs()));
    }

    @Override
    public boolean failed(Delivery d, AttemptOutcome o, Instant retryAt) {
        String sql = retryAt != null
                ? """
                update webhook_events set attempts = attempts + 1, lease_until = null, next_attempt_at = :at,
                    last_status_code = :code, last_error = :error
                where id = :id and state = 'pending' and lease_until = :lease
                """
                : """
                update webhook_events set state = 'failed', attempts = attempts + 1, lease_until = null,
                    next_attempt_at = null, last_status_code = :code, last_error = :error,
                    state_reason = 'gave up after ' || (attempts + 1) || ' attempts'
                where id = :id and state = 'pending' and lease_until = :lease
                """;
        return settle(d, o, sql, retryAt);
    }

    @Override
    public boolean gone(Delivery d, AttemptOutcome o, Instant now) {
        // The store row first: its lock makes a concurrent enqueue (which reads it FOR SHARE) wait and then
        // see the endpoint disabled, so no event slips in as pending after the 410.
        jdbc.sql("""
                update stores set webhook_disabled_at = :now,
                    webhook_disabled_reason = 'the endpoint answered 410 Gone' where id = :store
                """).param("now", ts(now)).param("store", d.storeId().value()).update();
        boolean mine = settle(d, o, """
                update webhook_events set state = 'failed', attempts = attempts + 1, lease_until = null,
                    next_attempt_at = null, last_status_code = :code, last_error = :error,
                    state_reason = 'the endpoint answered 410 Gone and was disabled'
                where id = :id and state = 'pending' and lease_until = :lease
                """, now);
        // The endpoint did answer 410, whoever holds this event's lease now: hold what is waiting for it.
        jdbc.sql("""
                update webhook_events set state = 'held', state_reason = 'the endpoint is disabled'
                where store_id = :store and state = 'pending'
                """).param("store", d.storeId().value()).update();
        return mine;
    }

    private boolean settle(Delivery d, AttemptOutcome o, String update, Instant at) {
        int rows = jdbc.sql(update)
                .param("id", d.eventId().value()).param("lease", ts(d.leaseUntil())).param("at", ts(at))
                .param("code", o.statusCode()).param("error", o.error())
                .update();
        if (rows == 0) {
            return false;
        }
        jdbc.sql("""
                insert into webhook_attempts (event_id, attempt, started_at, duration_ms, url, status_code, error)
                values (:id, :attempt, :started, :duration, :url, :code, :error)
                """)
                .param("id", d.eventId().value()).param("attempt", d.attemptsSoFar() + 1)
                .param("started", ts(o.startedAt())).param("duration", (int) Math.min(Integer.MAX_VALUE, o.durationMs()))
                .param("url", o.url()).param("code", o.statusCode()).param("error", o.error())
                .update();
        return true;
    }

    private static final String RECORD_COLUMNS = """
            id, store_id, payment_id, type, state, state_reason, attempts, created_at, next_attempt_at, delivered_at,
            last_status_code, last_error, body
            """;

    @Override
    public DeliveryPage page(StoreId store, int page, int perPage, String state) {
        String where = " where store_id = :store" + (state == null ? "" : " and state = :state");
        var count = jdbc.sql("select count(*) from webhook_events" + where).param("store", store.value());
        var select = jdbc.sql("select " + RECORD_COLUMNS + " from webhook_events" + where
                        + " order by seq desc limit :limit offset :offset")
                .param("store", store.value()).param("limit", perPage).param("offset", (page - 1) * perPage);
        if (state != null) {
            count = count.param("state", state);
            select = select.param("state", state);
        }
        return new DeliveryPage(select.query((rs, i) -> record(rs, List.of())).list(), count.query(Long.class).single());
    }

    @Override
    public Optional<DeliveryRecord> find(StoreId store, EventId id) {
        List<Attempt> attempts = jdbc.sql("""
                select attempt, started_at, duration_ms, url, status_code, error from webhook_attempts
                where event_id = :id order by id
                """).param("id", id.value())
                .query((rs, i) -> new Attempt(rs.getInt("attempt"), instant(rs, "started_at"), rs.getLong("duration_ms"),
                        rs.getString("url"), (Integer) rs.getObject("status_code"), rs.getString("error")))
                .list();
        return jdbc.sql("select " + RECORD_COLUMNS + " from webhook_events where id = :id and store_id = :store")
                .param("id", id.value()).param("store", store.value())
                .query((rs, i) -> record(rs, attempts)).optional();
    }

    @Override
    public boolean redeliver(StoreId store, EventId id, Instant now) {
        // A donation's event stays skipped: asking again does not make donations trigger webhooks.
        return jdbc.sql("""
                update webhook_events e set
                    state = case when d.donation then 'skipped'
                                 when s.webhook_url is null then 'skipped'
                                 when s.webhook_disabled_at is not null then 'held' else 'pending' end,
                    state_reason = case when d.donation then :donationReason else 'redelivery requested' end,
                    attempts = case when d.donation then e.attempts else 0 end,
                    next_attempt_at = case when d.donation then null else :now end, lease_until = null
                from stores s,
                     (select exists (select 1 from webhook_events w join payments p on p.id = w.payment_id
                                     where w.id = :id and p.kind = 'donation') as donation) d
                where e.id = :id and e.store_id = :store and s.id = e.store_id
                """).param("id", id.value()).param("store", store.value()).param("now", ts(now))
                .param("donationReason", EventTypes.DONATION_NOT_SENT).update() == 1;
    }

    @Override
    public int enableEndpoint(StoreId store, Instant now) {
        jdbc.sql("update stores set webhook_disabled_at = null, webhook_disabled_reason = null where id = :store")
                .param("store", store.value()).update();
        return jdbc.sql("""
                update webhook_events set state = 'pending', state_reason = null, next_attempt_at = :now
                where store_id = :store and state = 'held'
                """).param("store", store.value()).param("now", ts(now)).update();
    }

    @Override
    public Backlog backlog() {
        return jdbc.sql("select count(*) as n, min(created_at) as oldest from webhook_events where state = 'pending'")
                .query((rs, i) -> new Backlog(rs.getLong("n"), Sql.instant(rs, "oldest"))).single();
    }

    @Override
    public List<DeliveryRecord> recentInState(String state, int limit) {
        return jdbc.sql("select " + RECORD_COLUMNS + " from webhook_events where state = :state order by seq desc limit :limit")
                .param("state", state).param("limit", limit)
                .query((rs, i) -> record(rs, List.of())).list();
    }

    private static DeliveryRecord record(ResultSet rs, List<Attempt> attempts) throws SQLException {
        UUID payment = rs.getObject("payment_id", UUID.class);
        return new DeliveryRecord(new EventId(rs.getObject("id", UUID.class)),
                new StoreId(rs.getObject("store_id", UUID.class)), payment == null ? null : payment.toString(),
                rs.getString("type"), rs.getString("state"), rs.getString("state_reason"), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), instant(rs, "delivered_at"),
                (Integer) rs.getObject("last_status_code"), rs.getString("last_error"), rs.getString("body"),
                attempts);
    }
}
