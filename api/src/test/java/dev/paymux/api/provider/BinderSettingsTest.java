package dev.paymux.api.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.spi.ProviderSettings;
import dev.paymux.core.spi.ResilienceSettings;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** An instance's settings fall back to {@code paymux.providers.defaults}, key by key. */
class BinderSettingsTest {

    private static final Binder BINDER = new Binder(new MapConfigurationPropertySource(Map.of(
            "paymux.providers.defaults.read-timeout", "7s",
            "paymux.providers.defaults.circuit-breaker.minimum-calls", "4",
            "paymux.providers.defaults.circuit-breaker.sliding-window", "8",
            "paymux.providers.defaults.methods[0].currency", "EUR",
            "paymux.providers.instances.cm.type", "cryptomus",
            "paymux.providers.instances.cm.circuit-breaker.minimum-calls", "2",
            "paymux.providers.instances.cm.methods[0].currency", "USD",
            "paymux.providers.instances.bare.type", "soprano")));

    private static ProviderSettings instance(String name) {
        return new BinderSettings(BINDER, ProviderRegistry.PREFIX + "." + name);
    }

    @Test
    void theInstanceValueWinsAndTheDefaultFillsTheGaps() {
        ProviderSettings cm = instance("cm");
        assertThat(cm.integer("circuit-breaker.minimum-calls")).contains(2);
        assertThat(cm.integer("circuit-breaker.sliding-window")).contains(8);
        assertThat(cm.duration("read-timeout")).contains(Duration.ofSeconds(7));
        assertThat(cm.sub("circuit-breaker").integer("sliding-window")).contains(8);
        assertThat(cm.duration("connect-timeout")).isEmpty();
        assertThat(cm.text("type")).contains("cryptomus");
    }

    @Test
    void listsAreTheInstancesOwn() {
        assertThat(instance("cm").list("methods")).singleElement()
                .satisfies(m -> assertThat(m.text("currency")).contains("USD"));
        assertThat(instance("bare").list("methods")).isEmpty();
    }

    @Test
    void theResilienceSettingsLayerInstanceThenDefaultsThenBuiltIn() {
        ResilienceSettings builtIn = new ResilienceSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 3,
                Duration.ofMillis(100), new BigDecimal("50"), 10, 10, Duration.ofSeconds(30));
        ResilienceSettings r = ResilienceSettings.from(instance("cm"), builtIn);
        assertThat(r).isEqualTo(new ResilienceSettings(Duration.ofSeconds(1), Duration.ofSeconds(7), 3,
                Duration.ofMillis(100), new BigDecimal("50.0"), 8, 2, Duration.ofSeconds(30)));
        assertThat(ResilienceSettings.from(instance("bare"), builtIn).minimumCalls()).isEqualTo(4);
    }
}
