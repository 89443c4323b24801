package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.providers.ProviderPayments;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcProviderPayments implements ProviderPayments {

    private static final String COLUMNS = "payment_id, instance, external_id, secret, raw_status, payment_url, checks";

    private final JdbcClient jdbc;

    JdbcProviderPayments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void link(PaymentId payment, ProviderReference ref, String rawStatus, String paymentUrl, Instant nextCheckAt,
            Instant now) {
        jdbc.sql("""
                insert into provider_payments (payment_id, instance, external_id, secret, raw_status, payment_url,
                    next_check_at, created_at, updated_at)
                values (:p, :instance, :external, :secret, :raw, :url, :next, :now, :now)
                """).param("p", payment.value()).param("instance", ref.instance()).param("external", ref.externalId())
                .param("secret", ref.secret()).param("raw", rawStatus).param("url", paymentUrl)
                .param("next", ts(nextCheckAt)).param("now", ts(now)).update();
    }

    @Override
    public Optional<Linked> find(PaymentId payment) {
        return jdbc.sql("select " + COLUMNS + " from provider_payments where payment_id = :p")
                .param("p", payment.value()).query(JdbcProviderPayments::map).optional();
    }

    @Override
    public Optional<Linked> findByExternalId(String instance, String externalId) {
        return jdbc.sql("select " + COLUMNS + " from provider_payments where instance = :i and external_id = :e")
                .param("i", instance).param("e", externalId).query(JdbcProviderPayments::map).optional();
    }

    @Override
    public void updated(PaymentId payment, String rawStatus, boolean isFinal, Instant nextCheckAt, Instant now) {
        jdbc.sql("""
                update provider_payments set raw_status = coalesce(:raw, raw_status), final = :final,
                    next_check_at = :next, checks = checks + 1, updated_at = :now
                where payment_id = :p
                """).param("raw", rawStatus).param("final", isFinal).param("next", ts(nextCheckAt))
                .param("now", ts(now)).param("p", payment.value()).update();
    }

    @Override
    public List<Linked> lockDueForCheck(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from provider_payments where not final and next_check_at <= :now"
                        + " order by next_check_at limit :limit for update skip locked")
                .param("now", ts(now)).param("limit", limit).query(JdbcProviderPayments::map).list();
    }

    private static Linked map(ResultSet rs, int row) throws SQLException {
        return new Linked(new PaymentId(rs.getObject("payment_id", UUID.class)),
                new ProviderReference(rs.getString("instance"), rs.getString("external_id"), rs.getString("secret")),
                rs.getString("raw_status"), rs.getString("payment_url"), rs.getInt("checks"));
    }
}
