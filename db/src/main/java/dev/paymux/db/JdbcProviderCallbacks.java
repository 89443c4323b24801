package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.text.StorableText;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcProviderCallbacks implements ProviderCallbacks {

    private static final int MAX_BODY = 65_536;

    private final JdbcClient jdbc;

    JdbcProviderCallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long recordVerified(String instance, String dedupeKey, String externalId, String rawStatus, String body,
            Instant now) {
        return jdbc.sql("""
                insert into provider_callbacks (instance, received_at, verified, dedupe_key, external_id, raw_status,
                    outcome, body, raw_body)
                values (:i, :now, true, :key, :external, :raw, 'received', :body, :bytes)
                on conflict (instance, dedupe_key) where dedupe_key is not null do nothing
                returning id
                """).param("i", instance).param("now", ts(now)).param("key", dedupeKey).param("external", externalId)
                .param("raw", rawStatus).param("body", readable(body))
                .param("bytes", clip(body.getBytes(StandardCharsets.UTF_8)))
                .query(Long.class).optional().orElse(-1L);
    }

    @Override
    public void recordRejected(String instance, String reason, byte[] body, Instant now) {
        jdbc.sql("""
                insert into provider_callbacks (instance, received_at, verified, reject_reason, outcome, body, raw_body)
                values (:i, :now, false, :reason, 'rejected', :body, :bytes)
                """).param("i", StorableText.replacingInvalid(instance)).param("now", ts(now))
                .param("reason", StorableText.replacingInvalid(reason))
                .param("body", readable(new String(body, StandardCharsets.UTF_8))).param("bytes", clip(body))
                .update();
    }

    @Override
    public void outcome(long id, PaymentId payment, String outcome) {
        jdbc.sql("update provider_callbacks set outcome = :o, payment_id = :p where id = :id")
                .param("o", outcome).param("p", payment == null ? null : payment.value()).param("id", id).update();
    }

    @Override
    public java.util.List<Recorded> recent(String instance, String outcome, int limit) {
        return jdbc.sql("""
                select id, instance, received_at, verified, reject_reason, external_id, payment_id, raw_status, outcome
                from provider_callbacks
                where (cast(:i as text) is null or instance = :i) and (cast(:o as text) is null or outcome = :o)
                order by id desc limit :limit
                """).param("i", instance).param("o", outcome).param("limit", limit)
                .query((rs, n) -> {
                    java.util.UUID payment = rs.getObject("payment_id", java.util.UUID.class);
                    return new Recorded(rs.getLong("id"), rs.getString("instance"), Sql.instant(rs, "received_at"),
                            rs.getBoolean("verified"), rs.getString("reject_reason"), rs.getString("external_id"),
                            payment == null ? null : new PaymentId(payment), rs.getString("raw_status"),
                            rs.getString("outcome"));
                }).list();
    }

    /** The body as text to read: clipped, NUL and lone surrogates replaced (the exact bytes are in raw_body). */
    private static String readable(String body) {
        return StorableText.replacingInvalid(body.length() > MAX_BODY ? body.substring(0, MAX_BODY) : body);
    }

    private static byte[] clip(byte[] body) {
        return body.length > MAX_BODY * 4 ? Arrays.copyOf(body, MAX_BODY * 4) : body;
    }
}
