package dev.paymux.api.rates;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Fresh embedded-PostgreSQL data directories for the rates tests, one per application context. The
 * directory cannot be removed when its context closes (the server stops after the test code is done),
 * so each new one first sweeps those of earlier runs: a directory without {@code postmaster.pid} and
 * untouched for a while belongs to a server that has stopped.
 */
final class RatesDataDirs {

    private static final String PREFIX = "paymux-test-rates-";
    private static final Duration LEFT_ALONE = Duration.ofMinutes(10);

    private RatesDataDirs() {
    }

    static Path fresh() throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        sweep(tmp);
        return Files.createTempDirectory(tmp, PREFIX);
    }

    private static void sweep(Path tmp) {
        FileTime cutoff = FileTime.from(Instant.now().minus(LEFT_ALONE));
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path dir : dirs) {
                if (Files.isDirectory(dir) && !Files.exists(dir.resolve("postmaster.pid"))
                        && Files.getLastModifiedTime(dir).compareTo(cutoff) < 0) {
                    delete(dir);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // Only housekeeping: a directory that cannot be swept now will be on a later run.
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
