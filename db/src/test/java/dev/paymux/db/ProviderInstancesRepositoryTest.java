package dev.paymux.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.providers.ProviderFees;
import dev.paymux.core.providers.ProviderInstances;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Stored provider instances, fee schedules and the audit trail round-trip through PostgreSQL unchanged. */
@SpringBootTest(classes = ProviderInstancesRepositoryTest.App.class)
class ProviderInstancesRepositoryTest {

    static final EmbeddedPostgres SERVER = start();
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    @Import(PersistenceConfiguration.class)
    static class App {
    }

    @Autowired
    ProviderInstances instances;

    @Autowired
    ProviderFees fees;

    @DynamicPropertySource
    static void databaseUrl(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + SERVER.getPort() + "/postgres");
    }

    @AfterAll
    static void stop() throws IOException {
        SERVER.close();
    }

    @Test
    void settingsRoundTripWhateverTheirCharacters() {
        Map<String, String> settings = Map.of("api-key", "a\"b\\c\n\td\u0001é€😀", "methods[0].currency", "RUB",
                "empty", "");
        var s = new ProviderInstances.Stored("odd", "soprano", true, settings, NOW, NOW);
        assertThat(instances.insert(s)).isTrue();
        assertThat(instances.insert(s)).as("the name is taken").isFalse();
        var read = instances.find("odd").orElseThrow();
        assertThat(read.settings()).isEqualTo(settings);
        assertThat(read.type()).isEqualTo("soprano");
        assertThat(read.createdAt()).isEqualTo(NOW);

        instances.update(new ProviderInstances.Stored("odd", "soprano", false, Map.of("x", "y"), NOW,
                NOW.plusSeconds(5)));
        read = instances.find("odd").orElseThrow();
        assertThat(read.enabled()).isFalse();
        assertThat(read.settings()).isEqualTo(Map.of("x", "y"));
        assertThat(read.updatedAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(instances.all()).extracting(ProviderInstances.Stored::name).contains("odd");
    }

    @Test
    void feesKeepTheirOrderAndExactDecimals() {
        PayMethod usdt = new PayMethod("USDT_TRC20", new BigDecimal("1"), new BigDecimal("10000"),
                new FeeSchedule(new BigDecimal("0.8"), BigDecimal.ZERO, new BigDecimal("0.1"), BigDecimal.ONE,
                        BigDecimal.ZERO), true);
        PayMethod btc = new PayMethod("BTC", null, null, FeeSchedule.percent(new BigDecimal("0.000000000000000001")),
                false);
        fees.replace("fee-test", List.of(usdt, btc), NOW);
        assertThat(fees.of("fee-test")).extracting(PayMethod::currency).containsExactly("USDT_TRC20", "BTC");
        PayMethod read = fees.of("fee-test").get(0);
        assertThat(read.fees().percent()).isEqualByComparingTo("0.8");
        assertThat(read.min()).isEqualByComparingTo("1");
        assertThat(fees.of("fee-test").get(1).fees().percent()).isEqualByComparingTo("0.000000000000000001");
        assertThat(fees.of("fee-test").get(1).min()).isNull();
        assertThat(fees.of("fee-test").get(1).available()).isFalse();
        assertThat(fees.all()).containsKey("fee-test");
        fees.replace("fee-test", List.of(), NOW);
        assertThat(fees.of("fee-test")).isEmpty();
    }

    @Test
    void theAuditIsNewestFirstAndFiltered() {
        instances.audit(NOW, "alice", "create", "audited", "{\"type\":\"cryptomus\"}");
        instances.audit(NOW.plusSeconds(1), "bob", "fees", "audited", "{\"methods\":[]}");
        instances.audit(NOW.plusSeconds(2), "carol", "create", "other", "{}");
        var audited = instances.audit("audited", 10);
        assertThat(audited).extracting(ProviderInstances.AuditEntry::actor).containsExactly("bob", "alice");
        assertThat(audited.get(1).detailJson()).contains("cryptomus");
        assertThat(instances.audit(null, 1)).extracting(ProviderInstances.AuditEntry::actor).containsExactly("carol");
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
