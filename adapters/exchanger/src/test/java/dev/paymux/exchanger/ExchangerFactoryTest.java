package dev.paymux.exchanger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.spi.ResilienceSettings;
import dev.paymux.testkit.MapProviderSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timeouts, retry and circuit breaker from settings: instance value, then shared default, then built-in. */
class ExchangerFactoryTest {

    private static Map<String, String> instance(String... keyValues) {
        Map<String, String> values = new HashMap<>(Map.of("base-url", "http://localhost:1", "ipn-secret",
                ExchangerFixtures.IPN_SECRET, "routes[0].route-id", ExchangerFixtures.CARD_ROUTE,
                "routes[0].from", "CARDRUB", "routes[0].to", "USDTTRC20"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void theInstanceValueWinsOverTheDefaultAndTheDefaultOverTheBuiltIn() {
        ExchangerConfig config = ExchangerProviderFactory.config("ex", MapProviderSettings.of("ex",
                instance("retry.wait", "5ms", "circuit-breaker.sliding-window", "20"),
                Map.of("retry.wait", "1s", "circuit-breaker.sliding-window", "30", "circuit-breaker.minimum-calls",
                        "12", "read-timeout", "20s")));

        ResilienceSettings r = config.resilienceSettings();
        assertThat(r.retryWait()).as("instance over default").isEqualTo(Duration.ofMillis(5));
        assertThat(r.slidingWindow()).as("instance over default").isEqualTo(20);
        assertThat(r.minimumCalls()).as("default over built-in").isEqualTo(12);
        assertThat(r.readTimeout()).as("default over built-in").isEqualTo(Duration.ofSeconds(20));
        assertThat(config.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(r.connectTimeout()).as("built-in").isEqualTo(Duration.ofSeconds(2));
        assertThat(r.retryMaxAttempts()).as("built-in").isEqualTo(3);
        assertThat(r.waitInOpen()).as("built-in").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withNothingConfiguredTheBuiltInsApply() {
        ExchangerConfig config = ExchangerProviderFactory.config("ex", MapProviderSettings.of("ex", instance()));
        assertThat(config.resilienceSettings()).isEqualTo(ExchangerConfig.BUILT_IN_RESILIENCE);
        assertThat(config.resilience()).isEqualTo(ExchangerConfig.Resilience.defaults());
    }

    @Test
    void aMinimumAboveTheWindowIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new ExchangerProviderFactory().create("ex", MapProviderSettings.of("ex",
                instance("circuit-breaker.sliding-window", "4", "circuit-breaker.minimum-calls", "5"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("paymux.providers.instances.ex.circuit-breaker.minimum-calls")
                .hasMessageNotContaining(ExchangerFixtures.IPN_SECRET);
    }
}
