package dev.paymux.db;

import static dev.paymux.db.Sql.ts;

import dev.paymux.core.routing.RoutingRules;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.store.StoreId;
import java.sql.Array;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcStoreRoutings implements StoreRoutings {

    private final JdbcClient jdbc;

    JdbcStoreRoutings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoreRouting> find(StoreId store) {
        Map<String, Integer> weights = new HashMap<>();
        jdbc.sql("select instance, weight from store_routing_weights where store_id = :s").param("s", store.value())
                .query(rs -> {
                    weights.put(rs.getString(1), rs.getInt(2));
                });
        return jdbc.sql("select enabled, pinned, excluded, pass_fees from store_routing where store_id = :s")
                .param("s", store.value())
                .query((rs, i) -> {
                    Array excluded = rs.getArray("excluded");
                    String[] names = excluded == null ? new String[0] : (String[]) excluded.getArray();
                    return new StoreRouting(rs.getBoolean("enabled"),
                            new RoutingRules(rs.getString("pinned"), Set.of(names), weights), rs.getBoolean("pass_fees"));
                }).optional();
    }

    @Override
    public void save(StoreId store, StoreRouting routing, Instant now, String actor, String detailJson) {
        RoutingRules r = routing.rules();
        jdbc.sql("""
                insert into store_routing (store_id, enabled, pinned, excluded, pass_fees, updated_at)
                values (:s, :e, :p, :x, :f, :now)
                on conflict (store_id) do update set enabled = excluded.enabled, pinned = excluded.pinned,
                    excluded = excluded.excluded, pass_fees = excluded.pass_fees, updated_at = excluded.updated_at""")
                .param("s", store.value()).param("e", routing.enabled()).param("p", r.pinned())
                .param("x", r.excluded().stream().sorted().toArray(String[]::new)).param("f", routing.passFees()).param("now", ts(now)).update();
        jdbc.sql("delete from store_routing_weights where store_id = :s").param("s", store.value()).update();
        r.weights().forEach((instance, weight) -> jdbc.sql(
                        "insert into store_routing_weights (store_id, instance, weight) values (:s, :i, :w)")
                .param("s", store.value()).param("i", instance).param("w", weight).update());
        jdbc.sql("insert into store_routing_audit (at, actor, store_id, detail) values (:at, :a, :s, :d)")
                .param("at", ts(now)).param("a", actor).param("s", store.value()).param("d", detailJson).update();
    }

    @Override
    public List<Change> changes(StoreId store, int limit) {
        return jdbc.sql("select id, at, actor, detail from store_routing_audit where store_id = :s order by id desc limit :n")
                .param("s", store.value()).param("n", limit)
                .query((rs, i) -> new Change(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"),
                        rs.getString("detail")))
                .list();
    }
}
