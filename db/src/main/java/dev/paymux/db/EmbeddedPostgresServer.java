package dev.paymux.db;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application itself when no database is configured. Its data
 * directory survives restarts, so the gateway keeps its payments between runs.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    EmbeddedPostgresServer(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            stopOrphan(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false);
            if (port > 0) {
                builder.setPort(port);
            }
            this.postgres = builder.start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /**
     * A PostgreSQL server left running on this data directory by a gateway that ended without stopping it
     * ({@code kill -9}) makes the next start fail on its {@code postmaster.pid}. When no living process holds
     * the directory's lock (the embedded server's {@code epg-lock}, released by the OS with its process),
     * such a server is an orphan: it is stopped (SIGTERM, a smart shutdown: it has no clients left) and the
     * start goes on. A server of a gateway still running is never touched.
     */
    static void stopOrphan(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException e) {
            return; // unreadable: PostgreSQL decides about it itself
        }
        Optional<ProcessHandle> server = ProcessHandle.of(pid)
                .filter(h -> h.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (server.isEmpty()) {
            return; // a stale file of a server that is gone: PostgreSQL starts over it
        }
        try (FileChannel channel = FileChannel.open(dataDirectory.resolve("epg-lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = channel.tryLock()) {
            if (lock == null) {
                return; // another gateway runs on this directory
            }
        } catch (OverlappingFileLockException e) {
            return; // this process runs on it already
        }
        log.warn("Stopping the embedded PostgreSQL (pid {}) that a gateway which ended without stopping it left "
                + "running on {}", pid, dataDirectory);
        server.get().destroy();
        try {
            server.get().onExit().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while stopping the orphaned PostgreSQL " + pid, e);
        } catch (ExecutionException | TimeoutException e) {
            server.get().destroyForcibly();
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
