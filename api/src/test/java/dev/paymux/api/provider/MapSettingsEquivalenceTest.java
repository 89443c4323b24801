package dev.paymux.api.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.spi.MapSettings;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.soprano.SopranoProviderFactory;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;

/** The same factory builds the same instance from stored settings as from the application's configuration. */
class MapSettingsEquivalenceTest {

    private static final Map<String, String> SETTINGS = Map.of(
            "base-url", "https://soprano.example/api/v1",
            "api-key", "k",
            "merchant-id", "7",
            "webhook-secret", "w",
            "read-timeout", "3s",
            "methods[0].currency", "RUB",
            "methods[0].min", "100",
            "methods[0].max", "600000",
            "methods[0].fees.percent", "2.5",
            "methods[1].currency", "KZT");

    @Test
    void storedAndConfiguredSettingsBuildTheSameInstance() {
        MockEnvironment env = new MockEnvironment();
        SETTINGS.forEach((k, v) -> env.setProperty("paymux.providers.instances.s." + k, v));
        PaymentProvider configured = new SopranoProviderFactory().create("s",
                new BinderSettings(Binder.get(env), "paymux.providers.instances.s"));
        PaymentProvider stored = new SopranoProviderFactory().create("s", new MapSettings("settings", SETTINGS));
        assertThat(stored.capabilities()).isEqualTo(configured.capabilities());
        assertThat(stored.toString()).isEqualTo(configured.toString());
    }
}
