package dev.paymux.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With DATABASE_URL set, Paymux uses that server (Flyway migrates it) and starts no embedded one. */
@SpringBootTest(classes = ExternalDatabaseTest.App.class)
class ExternalDatabaseTest {

    static final EmbeddedPostgres SERVER = start();

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class App {
    }

    @Autowired
    DataSourceConfiguration.EmbeddedPostgresHolder embedded;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void databaseUrl(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + SERVER.getPort() + "/postgres");
    }

    @Test
    void usesTheConfiguredServerAndMigratesIt() throws Exception {
        assertThat(embedded.server()).isNull();
        try (var c = SERVER.getPostgresDatabase().getConnection();
                var rs = c.createStatement().executeQuery("select count(*) from flyway_schema_history where success")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(1);
        }
        assertThat(jdbc.sql("select count(*) from payments").query(Long.class).single()).isZero();
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
