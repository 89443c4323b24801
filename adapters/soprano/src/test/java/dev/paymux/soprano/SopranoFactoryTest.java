package dev.paymux.soprano;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.spi.ResilienceSettings;
import dev.paymux.testkit.MapProviderSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timeouts, retry and circuit breaker from settings: instance value, then shared default, then built-in. */
class SopranoFactoryTest {

    private static Map<String, String> instance(String... keyValues) {
        Map<String, String> values = new HashMap<>(Map.of("api-key", SopranoStubs.API_KEY, "merchant-id", "7",
                "webhook-secret", SopranoStubs.SECRET, "methods[0].currency", "RUB", "methods[0].min", "100"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void theInstanceValueWinsOverTheDefaultAndTheDefaultOverTheBuiltIn() {
        SopranoConfig config = SopranoProviderFactory.config("sp", MapProviderSettings.of("sp",
                instance("circuit-breaker.failure-rate-threshold", "25", "connect-timeout", "750ms"),
                Map.of("circuit-breaker.failure-rate-threshold", "80", "connect-timeout", "3s",
                        "circuit-breaker.wait-in-open", "2m", "retry.max-attempts", "5",
                        "methods[0].currency", "USD")));

        ResilienceSettings r = config.resilience();
        assertThat(r.failureRateThreshold()).as("instance over default").isEqualByComparingTo("25");
        assertThat(r.connectTimeout()).as("instance over default").isEqualTo(Duration.ofMillis(750));
        assertThat(r.waitInOpen()).as("default over built-in").isEqualTo(Duration.ofMinutes(2));
        assertThat(r.retryMaxAttempts()).as("default over built-in").isEqualTo(5);
        assertThat(r.readTimeout()).as("built-in").isEqualTo(SopranoConfig.BUILT_IN_RESILIENCE.readTimeout());
        assertThat(r.slidingWindow()).as("built-in").isEqualTo(10);
        assertThat(r.minimumCalls()).as("built-in").isEqualTo(10);
        assertThat(config.methods()).as("lists are the instance's own").singleElement()
                .satisfies(m -> assertThat(m.currency()).isEqualTo("RUB"));
    }

    @Test
    void withNothingConfiguredTheBuiltInsApply() {
        assertThat(SopranoProviderFactory.config("sp", MapProviderSettings.of("sp", instance())).resilience())
                .isEqualTo(SopranoConfig.BUILT_IN_RESILIENCE);
    }

    @Test
    void theSettingsReachTheCircuitBreaker() {
        SopranoProvider provider = (SopranoProvider) new SopranoProviderFactory().create("sp", MapProviderSettings
                .of("sp", instance("circuit-breaker.sliding-window", "6", "circuit-breaker.minimum-calls", "3")));
        var breaker = provider.circuitBreaker().getCircuitBreakerConfig();
        assertThat(breaker.getSlidingWindowSize()).isEqualTo(6);
        assertThat(breaker.getMinimumNumberOfCalls()).isEqualTo(3);
    }

    @Test
    void anOutOfRangeDefaultIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new SopranoProviderFactory().create("sp", MapProviderSettings.of("sp", instance(),
                Map.of("circuit-breaker.minimum-calls", "0"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("circuit-breaker.minimum-calls")
                .hasMessageNotContaining(SopranoStubs.API_KEY).hasMessageNotContaining(SopranoStubs.SECRET);
    }
}
