package dev.paymux.api.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A PostgreSQL server of its own for a test class whose properties make Spring start a second
 * application context: two contexts cannot share the embedded server's data directory.
 */
public final class SeparateDatabase {

    private final EmbeddedPostgres server;

    private SeparateDatabase(EmbeddedPostgres server) {
        this.server = server;
    }

    public static SeparateDatabase start() {
        try {
            return new SeparateDatabase(EmbeddedPostgres.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the context at this server instead of the shared embedded one. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + server.getPort() + "/postgres");
    }
}
