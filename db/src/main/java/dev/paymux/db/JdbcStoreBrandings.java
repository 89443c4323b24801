package dev.paymux.db;

import dev.paymux.core.store.StoreBranding;
import dev.paymux.core.store.StoreBrandings;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcStoreBrandings implements StoreBrandings {

    private final JdbcClient jdbc;

    JdbcStoreBrandings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoreBranding find(StoreId store) {
        return jdbc.sql("select accent_color, return_url, logo_type, updated_at from store_branding where store_id = :s")
                .param("s", store.value())
                .query((rs, i) -> new StoreBranding(store, rs.getString("accent_color"), rs.getString("return_url"),
                        rs.getString("logo_type"), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElse(StoreBranding.none(store));
    }

    @Override
    public void put(StoreId store, String accentColor, String returnUrl, Instant now) {
        jdbc.sql("""
                insert into store_branding (store_id, accent_color, return_url, updated_at) values (:s, :c, :u, :now)
                on conflict (store_id) do update set accent_color = :c, return_url = :u, updated_at = :now
                """).param("s", store.value()).param("c", accentColor).param("u", returnUrl)
                .param("now", Sql.ts(now)).update();
    }

    @Override
    public void putLogo(StoreId store, String type, byte[] image, Instant now) {
        jdbc.sql("""
                insert into store_branding (store_id, logo, logo_type, updated_at) values (:s, :l, :t, :now)
                on conflict (store_id) do update set logo = :l, logo_type = :t, updated_at = :now
                """).param("s", store.value()).param("l", image).param("t", type)
                .param("now", Sql.ts(now)).update();
    }

    @Override
    public boolean removeLogo(StoreId store, Instant now) {
        return jdbc.sql("""
                update store_branding set logo = null, logo_type = null, updated_at = :now
                 where store_id = :s and logo is not null
                """).param("s", store.value()).param("now", Sql.ts(now)).update() > 0;
    }

    @Override
    public Optional<Logo> logo(StoreId store) {
        return jdbc.sql("select logo_type, logo, updated_at from store_branding where store_id = :s and logo is not null")
                .param("s", store.value())
                .query((rs, i) -> new Logo(rs.getString("logo_type"), rs.getBytes("logo"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }
}
