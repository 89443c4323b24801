package dev.paymux.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of the API tests: the whole gateway on a random port with its embedded PostgreSQL in a fresh
 * directory, fixed exchange rates, a movable clock and a known operator token. All subclasses share one
 * application context; each test makes its own stores, so tests never see each other's data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "paymux.admin.token=" + ApiTest.ADMIN_TOKEN,
        "paymux.rates.mode=fixed",
        "paymux.expiry.interval=1h",
        "paymux.slots.max-offsets=3",
        "paymux.public-url=https://pay.example.test",
        "paymux.webhooks.allow-http=true",
        "paymux.webhooks.allow-private-targets=true",
        "paymux.webhooks.poll-interval=100ms",
        "paymux.webhooks.timeout=2s",
        "paymux.webhooks.lease=10s",
        "paymux.webhooks.retry-delays=10s,1m,10m,1h,6h",
        "paymux.webhooks.jitter-percent=0"})
@Import(TestClockConfiguration.class)
public abstract class ApiTest {

    public static final String ADMIN_TOKEN = "test-admin-token";
    private static final Path DATA_DIR = tempDir();

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @Autowired
    protected JsonMapper json;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("paymux.db.embedded.data-dir", DATA_DIR::toString);
        registry.add("paymux.secrets.keyset-file", () -> DATA_DIR.resolveSibling(DATA_DIR.getFileName() + "-keyset.json").toString());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    protected Http http() {
        return new Http("http://localhost:" + port, json);
    }

    protected Admin admin() {
        return new Admin(http(), ADMIN_TOKEN);
    }

    /** A new store accepting the given assets, each with {@code addressesPerAsset} pool addresses. */
    protected Merchant newStore(List<String> assets, int addressesPerAsset) {
        return admin().createStore(assets, addressesPerAsset, clock);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("paymux-test-pg");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
