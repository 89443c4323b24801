package dev.paymux.db;

import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.SecretBox;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.DashboardUsers;
import dev.paymux.core.user.Role;
import dev.paymux.core.user.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcDashboardUsers implements DashboardUsers {

    private static final String COLUMNS = "id, email, password_hash, role, account_id, enabled, failed_sign_ins, "
            + "locked_until, created_at, totp_secret";

    private final JdbcClient jdbc;
    private final SecretBox box;

    JdbcDashboardUsers(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @Override
    public Optional<DashboardUser> find(UserId id) {
        return jdbc.sql("select " + COLUMNS + " from dashboard_users where id = :id").param("id", id.value())
                .query(this::map).optional();
    }

    @Override
    public Optional<DashboardUser> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from dashboard_users where email = :e")
                .param("e", email.strip().toLowerCase(Locale.ROOT)).query(this::map).optional();
    }

    @Override
    public List<DashboardUser> list() {
        return jdbc.sql("select " + COLUMNS + " from dashboard_users order by role = 'operator' desc, email")
                .query(this::map).list();
    }

    @Override
    public boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from dashboard_users)").query(Boolean.class).single();
    }

    @Override
    public Created create(DashboardUser u) {
        if (u.account() != null && !jdbc.sql("select exists (select 1 from accounts where id = :a)")
                .param("a", u.account().value()).query(Boolean.class).single()) {
            return Created.NO_SUCH_ACCOUNT;
        }
        boolean added = jdbc.sql("insert into dashboard_users (" + COLUMNS + ") values (:id, :email, :hash, :role, :account, "
                        + ":enabled, 0, null, :created, null) on conflict (email) do nothing")
                .param("id", u.id().value()).param("email", u.email().strip().toLowerCase(Locale.ROOT))
                .param("hash", u.passwordHash()).param("role", u.role().wire())
                .param("account", u.account() == null ? null : u.account().value()).param("enabled", u.enabled())
                .param("created", Sql.ts(u.createdAt())).update() == 1;
        return added ? Created.CREATED : Created.EMAIL_TAKEN;
    }

    @Override
    public Optional<DashboardUser> recordFailedSignIn(UserId id, int maxFailures, Instant lockUntil) {
        return jdbc.sql("update dashboard_users set failed_sign_ins = failed_sign_ins + 1, "
                        + "locked_until = case when failed_sign_ins + 1 >= :max then :until else locked_until end "
                        + "where id = :id returning " + COLUMNS)
                .param("id", id.value()).param("max", maxFailures).param("until", Sql.ts(lockUntil))
                .query(this::map).optional();
    }

    @Override
    public void recordSignIn(UserId id, Instant now) {
        jdbc.sql("update dashboard_users set failed_sign_ins = 0, locked_until = null, last_sign_in_at = :now "
                + "where id = :id").param("id", id.value()).param("now", Sql.ts(now)).update();
    }

    @Override
    public void setEnabled(UserId id, boolean enabled) {
        jdbc.sql("update dashboard_users set enabled = :e where id = :id").param("id", id.value()).param("e", enabled)
                .update();
    }

    @Override
    public void setPassword(UserId id, String passwordHash) {
        jdbc.sql("update dashboard_users set password_hash = :h, failed_sign_ins = 0, locked_until = null where id = :id")
                .param("id", id.value()).param("h", passwordHash).update();
    }

    @Override
    public void setTotpSecret(UserId id, String secretOrNull) {
        jdbc.sql("update dashboard_users set totp_secret = :s, totp_last_step = null where id = :id")
                .param("id", id.value()).param("s", box.seal(secretOrNull)).update();
    }

    @Override
    public boolean useTotpStep(UserId id, long step) {
        return jdbc.sql("update dashboard_users set totp_last_step = :step where id = :id "
                + "and (totp_last_step is null or totp_last_step < :step)")
                .param("id", id.value()).param("step", step).update() == 1;
    }

    private DashboardUser map(ResultSet rs, int row) throws SQLException {
        UUID account = rs.getObject("account_id", UUID.class);
        return new DashboardUser(new UserId(rs.getObject("id", UUID.class)), rs.getString("email"),
                rs.getString("password_hash"), Role.valueOf(rs.getString("role").toUpperCase(Locale.ROOT)),
                account == null ? null : new AccountId(account), rs.getBoolean("enabled"), rs.getInt("failed_sign_ins"),
                Sql.instant(rs, "locked_until"), Sql.instant(rs, "created_at"), box.open(rs.getString("totp_secret")));
    }
}
