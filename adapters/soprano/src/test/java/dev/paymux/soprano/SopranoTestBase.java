package dev.paymux.soprano;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** One WireMock server per test, as the kit does, for the adapter's own tests. */
abstract class SopranoTestBase {

    static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

    WireMockServer wm;

    @BeforeEach
    void startWireMock() {
        wm = new WireMockServer(wireMockConfig().dynamicPort());
        wm.start();
    }

    @AfterEach
    void stopWireMock() {
        wm.stop();
    }

    SopranoConfig config() {
        return SopranoStubs.config(wm.baseUrl(), READ_TIMEOUT);
    }

    /** A clock the test moves by hand. */
    static final class TestClock extends Clock {
        private volatile Instant now = Instant.parse("2024-01-01T12:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
