package dev.paymux.cryptomus;

import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.PaymentProviderFactory;
import dev.paymux.core.spi.ProviderSettings;
import dev.paymux.core.spi.ResilienceSettings;

/**
 * Builds Cryptomus instances from {@code paymux.providers.instances.<name>.*}: {@code merchant-id},
 * {@code api-key} (the payment API key), optionally {@code base-url} and the timeouts, retry and circuit
 * breaker keys of {@link ResilienceSettings} ({@code connect-timeout}, {@code read-timeout},
 * {@code retry.*}, {@code circuit-breaker.*}), which fall back to the shared defaults and then to
 * {@link CryptomusConfig#BUILT_IN_RESILIENCE}. Limits and fees come from Cryptomus's service list once
 * refreshed.
 */
public final class CryptomusProviderFactory implements PaymentProviderFactory {

    @Override
    public String type() {
        return CryptomusProvider.TYPE;
    }

    @Override
    public PaymentProvider create(String instance, ProviderSettings s) {
        return new CryptomusProvider(config(instance, s));
    }

    /** The configuration {@link #create} builds the instance from. */
    static CryptomusConfig config(String instance, ProviderSettings s) {
        CryptomusConfig config = CryptomusConfig.defaults(instance, s.text("base-url").orElse(null),
                s.required("merchant-id"), s.required("api-key"));
        return config.withResilience(ResilienceSettings.from(s, CryptomusConfig.BUILT_IN_RESILIENCE));
    }
}
