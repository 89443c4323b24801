package dev.paymux.db;

import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.store.StoreId;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcStoreProviders implements StoreProviders {

    private final JdbcClient jdbc;

    JdbcStoreProviders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> instanceOf(StoreId store) {
        return jdbc.sql("select provider_instance from stores where id = :s").param("s", store.value())
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    @Override
    public void assign(StoreId store, String instance) {
        jdbc.sql("update stores set provider_instance = :i where id = :s").param("i", instance)
                .param("s", store.value()).update();
    }
}
