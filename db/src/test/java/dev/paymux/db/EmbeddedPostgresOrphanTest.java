package dev.paymux.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gateway killed with {@code kill -9} leaves its embedded PostgreSQL running; the next start stops that
 * orphan and starts on the same data, on the first try.
 */
class EmbeddedPostgresOrphanTest {

    @TempDir
    Path dir;

    @Test
    void theNextStartAfterAKilledGatewayStopsItsOrphanedServerAndStarts() throws Exception {
        Path data = dir.resolve("pgdata");
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        Process gateway = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                KilledGateway.class.getName(), data.toString())).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(gateway.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("READY")) {
                // its log, until it is up
            }
            assertThat(line).as("the first gateway's embedded server started").isNotNull();
            gateway.destroyForcibly();
            assertThat(gateway.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        Optional<ProcessHandle> orphan = ProcessHandle.of(pid);
        assertThat(orphan).as("kill -9 left the server running").isPresent();

        try (EmbeddedPostgresServer next = new EmbeddedPostgresServer(data, 0);
                Connection c = DriverManager.getConnection(next.jdbcUrl(), "postgres", "postgres");
                ResultSet rs = c.createStatement().executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
            assertThat(orphan.get().isAlive()).as("the orphan was stopped").isFalse();
        }
    }
}
