package dev.paymux.db;

import dev.paymux.core.store.SeenSignatures;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcSeenSignatures implements SeenSignatures {

    private final JdbcClient jdbc;

    JdbcSeenSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean firstSight(StoreId store, byte[] signatureHash, Instant expiresAt) {
        // The primary key decides between concurrent copies of one request: exactly one inserts a row.
        return jdbc.sql("""
                insert into seen_signatures (store_id, signature_hash, expires_at) values (:store, :hash, :expires)
                on conflict (store_id, signature_hash) do nothing
                """)
                .param("store", store.value()).param("hash", signatureHash).param("expires", Sql.ts(expiresAt))
                .update() == 1;
    }

    @Override
    public int purgeExpired(Instant now) {
        return jdbc.sql("delete from seen_signatures where expires_at < :now").param("now", Sql.ts(now)).update();
    }
}
