package dev.paymux.db;

import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.Cursor;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcChainCursors implements ChainCursors {

    private final JdbcClient jdbc;

    JdbcChainCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Cursor> load(String watcher) {
        return jdbc.sql("select height, hash, position, updated_at from chain_cursors where watcher = :w")
                .param("w", watcher)
                .query((rs, i) -> new Cursor(rs.getLong("height"), rs.getString("hash"), rs.getString("position"),
                        instant(rs, "updated_at")))
                .optional();
    }

    @Override
    public void save(String watcher, Cursor c) {
        jdbc.sql("""
                insert into chain_cursors (watcher, height, hash, position, updated_at)
                values (:w, :height, :hash, :position, :at)
                on conflict (watcher) do update set height = excluded.height, hash = excluded.hash,
                    position = excluded.position, updated_at = excluded.updated_at
                """).param("w", watcher).param("height", c.height()).param("hash", c.hash())
                .param("position", c.position()).param("at", ts(c.updatedAt()))
                .update();
    }

    @Override
    public void rememberBlock(String watcher, long height, String hash) {
        jdbc.sql("""
                insert into chain_blocks (watcher, height, hash) values (:w, :height, :hash)
                on conflict (watcher, height) do update set hash = excluded.hash
                """).param("w", watcher).param("height", height).param("hash", hash).update();
    }

    @Override
    public Optional<String> rememberedBlock(String watcher, long height) {
        return jdbc.sql("select hash from chain_blocks where watcher = :w and height = :height")
                .param("w", watcher).param("height", height).query(String.class).optional();
    }

    @Override
    public void forgetBlocks(String watcher, long above, long keepFrom) {
        jdbc.sql("delete from chain_blocks where watcher = :w and (height > :above or height < :keep)")
                .param("w", watcher).param("above", above).param("keep", keepFrom).update();
    }
}
