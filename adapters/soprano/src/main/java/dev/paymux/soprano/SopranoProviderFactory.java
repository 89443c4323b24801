package dev.paymux.soprano;

import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.PaymentProviderFactory;
import dev.paymux.core.spi.ProviderSettings;
import dev.paymux.core.spi.ResilienceSettings;

/**
 * Builds Soprano instances from {@code paymux.providers.instances.<name>.*}: {@code base-url},
 * {@code api-key}, {@code merchant-id}, {@code webhook-secret}, {@code methods} (currency, min, max,
 * fees), and optionally the timeouts, retry and circuit breaker keys of {@link ResilienceSettings}
 * ({@code connect-timeout}, {@code read-timeout}, {@code retry.*}, {@code circuit-breaker.*}), which fall back
 * to the shared defaults and then to {@link SopranoConfig#BUILT_IN_RESILIENCE}.
 */
public final class SopranoProviderFactory implements PaymentProviderFactory {

    @Override
    public String type() {
        return SopranoProvider.TYPE;
    }

    @Override
    public PaymentProvider create(String instance, ProviderSettings s) {
        return new SopranoProvider(config(instance, s));
    }

    /** The configuration {@link #create} builds the instance from. */
    static SopranoConfig config(String instance, ProviderSettings s) {
        long merchantId;
        try {
            merchantId = Long.parseLong(s.required("merchant-id"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(s.path() + ".merchant-id must be a number");
        }
        SopranoConfig config = SopranoConfig.defaults(instance, s.text("base-url").orElse(SopranoConfig.DEFAULT_BASE_URL),
                s.required("api-key"), merchantId, s.required("webhook-secret"), s.payMethods("methods"));
        return config.withResilience(ResilienceSettings.from(s, SopranoConfig.BUILT_IN_RESILIENCE));
    }
}
