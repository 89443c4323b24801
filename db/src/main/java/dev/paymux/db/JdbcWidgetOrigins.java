package dev.paymux.db;

import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.WidgetOrigins;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcWidgetOrigins implements WidgetOrigins {

    private final JdbcClient jdbc;

    JdbcWidgetOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<String> find(StoreId store) {
        return jdbc.sql("select origin from store_widget_origins where store_id = :s order by origin")
                .param("s", store.value()).query(String.class).list();
    }

    @Override
    public boolean allows(StoreId store, String origin) {
        if (origin == null) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from store_widget_origins where store_id = :s and origin = :o)")
                .param("s", store.value()).param("o", origin).query(Boolean.class).single();
    }

    @Override
    public void replace(StoreId store, List<String> origins, Instant now) {
        jdbc.sql("delete from store_widget_origins where store_id = :s").param("s", store.value()).update();
        for (String origin : origins) {
            jdbc.sql("insert into store_widget_origins (store_id, origin, created_at) values (:s, :o, :now) "
                    + "on conflict do nothing")
                    .param("s", store.value()).param("o", origin).param("now", Sql.ts(now)).update();
        }
    }
}
