package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.Outbox;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcOutbox implements Outbox {

    private final JdbcClient jdbc;

    JdbcOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void enqueue(EventId id, StoreId store, PaymentId payment, String type, String body, Instant now) {
        // The state follows the endpoint as it is now: no URL → skipped, disabled by a 410 → held.
        jdbc.sql("""
                insert into webhook_events (id, store_id, payment_id, type, body, created_at, state, next_attempt_at,
                    state_reason)
                select :id, s.id, :payment, :type, :body, :now,
                       case when s.webhook_url is null then 'skipped'
                            when s.webhook_disabled_at is not null then 'held' else 'pending' end,
                       :now,
                       case when s.webhook_url is null then 'the store has no webhook URL'
                            when s.webhook_disabled_at is not null then 'the endpoint is disabled' end
                from stores s where s.id = :store for share
                """)
                .param("id", id.value()).param("payment", payment == null ? null : payment.value())
                .param("type", type).param("body", body).param("now", ts(now)).param("store", store.value())
                .update();
    }

    @Override
    public void enqueueSkipped(EventId id, StoreId store, PaymentId payment, String type, String body, Instant now,
            String reason) {
        // No next_attempt_at: the dispatcher only claims pending rows, and this one never becomes pending.
        jdbc.sql("""
                insert into webhook_events (id, store_id, payment_id, type, body, created_at, state, state_reason)
                values (:id, :store, :payment, :type, :body, :now, 'skipped', :reason)
                """)
                .param("id", id.value()).param("store", store.value())
                .param("payment", payment == null ? null : payment.value())
                .param("type", type).param("body", body).param("now", ts(now)).param("reason", reason)
                .update();
    }
}
