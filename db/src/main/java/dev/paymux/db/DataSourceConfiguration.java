package dev.paymux.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Chooses the database: {@code spring.datasource.url} if set, else {@code DATABASE_URL}
 * ({@code postgres://user:pass@host:port/db}), else an embedded PostgreSQL whose data lives in
 * {@code paymux.db.embedded.data-dir} (default {@code ~/.paymux/pgdata}).
 */
@Configuration(proxyBeanMethods = false)
public class DataSourceConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresHolder embeddedPostgres(Environment env) {
        if (externalDatabase(env) != null) {
            return new EmbeddedPostgresHolder(null);
        }
        String dir = env.getProperty("paymux.db.embedded.data-dir",
                Path.of(System.getProperty("user.home"), ".paymux", "pgdata").toString());
        int port = env.getProperty("paymux.db.embedded.port", Integer.class, 0);
        return new EmbeddedPostgresHolder(new EmbeddedPostgresServer(Path.of(dir), port));
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(Environment env, EmbeddedPostgresHolder embedded) {
        HikariConfig config = new HikariConfig();
        DatabaseUrl external = externalDatabase(env);
        if (external != null) {
            config.setJdbcUrl(external.jdbcUrl());
            config.setUsername(external.username());
            config.setPassword(external.password());
        } else {
            config.setJdbcUrl(embedded.server().jdbcUrl());
            config.setUsername("postgres");
        }
        int poolSize = env.getProperty("paymux.db.pool-size", Integer.class, 10);
        config.setMaximumPoolSize(poolSize);
        // Idle connections kept open (Hikari keeps the pool full by default).
        config.setMinimumIdle(env.getProperty("paymux.db.min-idle", Integer.class, poolSize));
        config.setPoolName("paymux");
        // How long a caller waits for a connection before the API answers 503 (Hikari's default is 30 s):
        // an exhausted pool or a stopped server must fail fast, not hang the client.
        config.setConnectionTimeout(env.getProperty("paymux.db.connection-timeout", java.time.Duration.class,
                java.time.Duration.ofSeconds(2)).toMillis());
        // A server that stopped answering (not just refusing) must not hold a connection for minutes.
        config.addDataSourceProperty("connectTimeout", "2");
        config.addDataSourceProperty("socketTimeout", env.getProperty("paymux.db.socket-timeout-seconds", "60"));
        return new HikariDataSource(config);
    }

    private static DatabaseUrl externalDatabase(Environment env) {
        String springUrl = env.getProperty("spring.datasource.url");
        if (springUrl != null && !springUrl.isBlank()) {
            return new DatabaseUrl(springUrl, env.getProperty("spring.datasource.username"),
                    env.getProperty("spring.datasource.password"));
        }
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            return DatabaseUrl.parse(databaseUrl);
        }
        return null;
    }

    /** Keeps the embedded server (or nothing) as a bean so it stops after the pool closes. */
    record EmbeddedPostgresHolder(EmbeddedPostgresServer server) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}
