package dev.paymux.exchanger;

import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.PaymentProviderFactory;
import dev.paymux.core.spi.ProviderSettings;
import dev.paymux.core.spi.ResilienceSettings;
import java.util.List;

/**
 * Builds exchanger instances from {@code paymux.providers.instances.<name>.*}: {@code base-url},
 * {@code ipn-secret}, {@code routes} (each {@code route-id}, {@code from}, {@code to}, {@code min},
 * {@code max}, {@code fees}), optionally {@code api-key-header} + {@code api-key} for the default request
 * signer, and the timeouts, retry and circuit breaker keys of {@link ResilienceSettings}
 * ({@code connect-timeout}, {@code read-timeout}, {@code retry.*}, {@code circuit-breaker.*}), which fall back
 * to the shared defaults and then to {@link ExchangerConfig#BUILT_IN_RESILIENCE}.
 */
public final class ExchangerProviderFactory implements PaymentProviderFactory {

    @Override
    public String type() {
        return ExchangerProvider.TYPE;
    }

    @Override
    public PaymentProvider create(String instance, ProviderSettings s) {
        return new ExchangerProvider(config(instance, s));
    }

    /** The configuration {@link #create} builds the instance from. */
    static ExchangerConfig config(String instance, ProviderSettings s) {
        List<ExchangerRoute> routes = s.list("routes").stream()
                .map(r -> ExchangerRoute.of(r.required("route-id"), r.required("from"), r.required("to"),
                        r.decimal("min").orElse(null), r.decimal("max").orElse(null), r.fees("fees")))
                .toList();
        ExchangerConfig config = ExchangerConfig.defaults(instance, s.required("base-url"), s.required("ipn-secret"),
                routes);
        if (s.text("api-key").isPresent()) {
            config = config.withApiKey(s.text("api-key-header").orElse("Authorization"), s.required("api-key"));
        }
        return config.withResilience(ResilienceSettings.from(s, ExchangerConfig.BUILT_IN_RESILIENCE));
    }
}
