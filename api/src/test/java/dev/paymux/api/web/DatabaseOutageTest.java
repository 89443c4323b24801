package dev.paymux.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The database stops under a running gateway: requests answer 503 with {@code Retry-After} (bounded by
 * the pool's connection timeout and the driver's connect timeout, both asserted as configured, not
 * timed), and once the database is back the same requests succeed without a restart.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DatabaseOutageTest extends ApiTest {

    private static final Path DATA = tempDir();
    private static final int PORT = freePort();
    private static EmbeddedPostgres database = start();

    @Value("${paymux.db.connection-timeout:2s}")
    java.time.Duration connectionTimeout;

    @DynamicPropertySource
    static void externalDatabase(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + PORT + "/postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @Test
    void aStoppedDatabaseIsA503WithRetryAfterAndTheApiRecoversByItself() throws Exception {
        assertThat(connectionTimeout).as("how long a request may wait for the pool").isLessThanOrEqualTo(
                java.time.Duration.ofSeconds(2));
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        assertThat(m.get("/api/v1/payments").status()).isEqualTo(200);

        database.close();
        Http.Response read = m.get("/api/v1/payments");
        Http.Response create = m.post("/api/v1/payment/create", "{\"amount\":\"5\",\"order_id\":\"OUTAGE-1\"}");
        Http.Response admin = admin().send("GET", "/admin/v1/stores/" + m.storeId(), null);
        for (Http.Response r : List.of(read, create, admin)) {
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.header("Retry-After")).isNotBlank();
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isNotBlank();
        }

        database = start();
        Http.Response after = m.get("/api/v1/payments");
        for (int i = 0; i < 100 && after.status() == 503; i++) {
            Thread.sleep(100); // a client's back-off while the pool reconnects
            after = m.get("/api/v1/payments");
        }
        assertThat(after.status()).as(after.body()).isEqualTo(200);
        assertThat(m.post("/api/v1/payment/create", "{\"amount\":\"5\",\"order_id\":\"OUTAGE-2\"}").status())
                .isEqualTo(200);
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().setDataDirectory(DATA).setCleanDataDirectory(false).setPort(PORT).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("paymux-outage-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
