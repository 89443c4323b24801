package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ResilienceSettings;
import dev.paymux.testkit.MapProviderSettings;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timeouts, retry and circuit breaker from settings: instance value, then shared default, then built-in. */
class CryptomusFactoryTest extends CryptomusWireMockTest {

    private static final Map<String, String> CREDENTIALS = Map.of("merchant-id", CryptomusFixtures.MERCHANT,
            "api-key", CryptomusFixtures.API_KEY);

    private static Map<String, String> instance(String... keyValues) {
        Map<String, String> values = new HashMap<>(CREDENTIALS);
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return values;
    }

    @Test
    void theInstanceValueWinsOverTheDefaultAndTheDefaultOverTheBuiltIn() {
        CryptomusConfig config = CryptomusProviderFactory.config("cm", MapProviderSettings.of("cm",
                instance("circuit-breaker.minimum-calls", "3", "read-timeout", "4s"),
                Map.of("circuit-breaker.minimum-calls", "7", "circuit-breaker.sliding-window", "8",
                        "read-timeout", "9s", "retry.wait", "50ms")));

        ResilienceSettings r = config.resilience();
        assertThat(r.minimumCalls()).as("instance over default").isEqualTo(3);
        assertThat(r.readTimeout()).as("instance over default").isEqualTo(Duration.ofSeconds(4));
        assertThat(r.slidingWindow()).as("default over built-in").isEqualTo(8);
        assertThat(r.retryWait()).as("default over built-in").isEqualTo(Duration.ofMillis(50));
        assertThat(r.connectTimeout()).as("built-in").isEqualTo(CryptomusConfig.BUILT_IN_RESILIENCE.connectTimeout());
        assertThat(r.retryMaxAttempts()).as("built-in").isEqualTo(3);
        assertThat(r.failureRateThreshold()).as("built-in").isEqualByComparingTo("50");
        assertThat(r.waitInOpen()).as("built-in").isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void withNothingConfiguredTheBuiltInsApply() {
        CryptomusConfig config = CryptomusProviderFactory.config("cm", MapProviderSettings.of("cm", CREDENTIALS));
        assertThat(config.resilience()).isEqualTo(CryptomusConfig.BUILT_IN_RESILIENCE);
    }

    @Test
    void theBuiltInMinimumIsCappedAtASmallerConfiguredWindow() {
        CryptomusConfig config = CryptomusProviderFactory.config("cm", MapProviderSettings.of("cm",
                instance("circuit-breaker.sliding-window", "4")));
        assertThat(config.resilience().minimumCalls()).isEqualTo(4);
    }

    @Test
    void anOutOfRangeValueIsRefusedNamingTheSetting() {
        assertRefused(Map.of("circuit-breaker.failure-rate-threshold", "150"),
                "paymux.providers.instances.cm.circuit-breaker.failure-rate-threshold");
        assertRefused(Map.of("circuit-breaker.failure-rate-threshold", "0.5"), "circuit-breaker.failure-rate-threshold");
        assertRefused(Map.of("circuit-breaker.minimum-calls", "0"), "circuit-breaker.minimum-calls");
        assertRefused(Map.of("circuit-breaker.minimum-calls", "11"), "circuit-breaker.minimum-calls");
        assertRefused(Map.of("circuit-breaker.sliding-window", "two"), "circuit-breaker.sliding-window");
        assertRefused(Map.of("circuit-breaker.wait-in-open", "0s"), "circuit-breaker.wait-in-open");
        assertRefused(Map.of("retry.max-attempts", "0"), "retry.max-attempts");
        assertRefused(Map.of("retry.wait", "-1s"), "retry.wait");
        assertRefused(Map.of("connect-timeout", "soon"), "connect-timeout");
        assertRefused(Map.of("read-timeout", "0ms"), "read-timeout");
    }

    private static void assertRefused(Map<String, String> extra, String setting) {
        Map<String, String> values = new HashMap<>(CREDENTIALS);
        values.putAll(extra);
        assertThatThrownBy(() -> new CryptomusProviderFactory().create("cm", MapProviderSettings.of("cm", values)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(setting)
                .hasMessageNotContaining(CryptomusFixtures.API_KEY);
    }

    @Test
    void minimumCallsFromSettingsOpensTheCircuitAfterTwoFailures() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(500, "error-500.json", Map.of())));
        CryptomusProvider provider = (CryptomusProvider) new CryptomusProviderFactory().create("cm",
                MapProviderSettings.of("cm", instance("base-url", wireMock.baseUrl(), "retry.max-attempts", "1",
                        "circuit-breaker.minimum-calls", "2", "circuit-breaker.wait-in-open", "5m"),
                        Map.of("read-timeout", "1s")));

        for (int n = 1; n <= 2; n++) {
            String reference = "cb-" + n;
            ProviderException e = catchThrowableOfType(ProviderException.class,
                    () -> provider.create(CryptomusFixtures.usdtIntent(reference)));
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        }
        assertThat(provider.health().up()).isFalse();
        wireMock.verify(2, anyRequestedFor(anyUrl()));

        ProviderException fast = catchThrowableOfType(ProviderException.class,
                () -> provider.create(CryptomusFixtures.usdtIntent("cb-3")));
        assertThat(fast.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        assertThat(fast.getMessage()).contains("circuit open");
        wireMock.verify(2, anyRequestedFor(anyUrl()));
    }
}
