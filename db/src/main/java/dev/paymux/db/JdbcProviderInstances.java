package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.providers.ProviderInstances;
import dev.paymux.core.text.JsonText;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcProviderInstances implements ProviderInstances {

    private static final String SELECT = """
            select name, type, enabled, created_at, updated_at,
                   array(select key from jsonb_each_text(settings) order by key) as setting_keys,
                   array(select value from jsonb_each_text(settings) order by key) as setting_values
            from provider_instances
            """;

    private final JdbcClient jdbc;

    JdbcProviderInstances(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Stored> all() {
        return jdbc.sql(SELECT + " order by name").query((rs, i) -> stored(rs)).list();
    }

    @Override
    public Optional<Stored> find(String name) {
        return jdbc.sql(SELECT + " where name = :n").param("n", name).query((rs, i) -> stored(rs)).optional();
    }

    @Override
    public boolean insert(Stored s) {
        return jdbc.sql("""
                insert into provider_instances (name, type, enabled, settings, created_at, updated_at)
                values (:n, :t, :e, cast(:s as jsonb), :c, :u)
                on conflict (name) do nothing
                """).param("n", s.name()).param("t", s.type()).param("e", s.enabled())
                .param("s", json(s.settings())).param("c", ts(s.createdAt())).param("u", ts(s.updatedAt()))
                .update() == 1;
    }

    @Override
    public void update(Stored s) {
        jdbc.sql("""
                update provider_instances set enabled = :e, settings = cast(:s as jsonb), updated_at = :u
                where name = :n
                """).param("n", s.name()).param("e", s.enabled()).param("s", json(s.settings()))
                .param("u", ts(s.updatedAt())).update();
    }

    @Override
    public void audit(Instant at, String actor, String action, String instance, String detailJson) {
        jdbc.sql("""
                insert into provider_instance_audit (at, actor, action, instance, detail)
                values (:at, :actor, :action, :i, cast(:d as jsonb))
                """).param("at", ts(at)).param("actor", actor).param("action", action).param("i", instance)
                .param("d", detailJson == null ? "{}" : detailJson).update();
    }

    @Override
    public List<AuditEntry> audit(String instance, int limit) {
        return jdbc.sql("""
                select id, at, actor, action, instance, detail::text as detail from provider_instance_audit
                where cast(:i as text) is null or instance = :i
                order by id desc limit :limit
                """).param("i", instance).param("limit", limit)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("instance"), rs.getString("detail")))
                .list();
    }

    private static Stored stored(ResultSet rs) throws SQLException {
        String[] keys = strings(rs.getArray("setting_keys"));
        String[] values = strings(rs.getArray("setting_values"));
        Map<String, String> settings = new TreeMap<>();
        for (int i = 0; i < keys.length; i++) {
            settings.put(keys[i], values[i]);
        }
        return new Stored(rs.getString("name"), rs.getString("type"), rs.getBoolean("enabled"), settings,
                Sql.instant(rs, "created_at"), Sql.instant(rs, "updated_at"));
    }

    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }

    /** A flat map of strings as a JSON object. */
    static String json(Map<String, String> map) {
        StringBuilder b = new StringBuilder("{");
        new TreeMap<>(map).forEach((k, v) -> {
            if (b.length() > 1) {
                b.append(',');
            }
            quote(b, k);
            b.append(':');
            quote(b, v);
        });
        return b.append('}').toString();
    }

    private static void quote(StringBuilder b, String s) {
        JsonText.quote(b, s);
    }
}
