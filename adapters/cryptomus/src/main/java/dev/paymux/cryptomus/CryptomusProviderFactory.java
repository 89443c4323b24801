package dev.paymux.cryptomus;

import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.core.provider.PaymentProviderFactory;
import dev.paymux.core.provider.ProviderSettings;

/**
 * Builds Cryptomus instances from {@code paymux.providers.instances.<name>.*}: {@code merchant-id},
 * {@code api-key} (the payment API key), optionally {@code base-url}, {@code connect-timeout},
 * {@code read-timeout}. Limits and fees come from Cryptomus's service list once refreshed.
 */
public final class CryptomusProviderFactory implements PaymentProviderFactory {

    @Override
    public String type() {
        return CryptomusProvider.TYPE;
    }

    @Override
    public PaymentProvider create(String instance, ProviderSettings s) {
        CryptomusConfig config = CryptomusConfig.defaults(instance, s.text("base-url").orElse(null),
                s.required("merchant-id"), s.required("api-key"));
        if (s.duration("connect-timeout").isPresent() || s.duration("read-timeout").isPresent()) {
            config = config.withTimeouts(s.duration("connect-timeout").orElse(config.connectTimeout()),
                    s.duration("read-timeout").orElse(config.readTimeout()));
        }
        return new CryptomusProvider(config);
    }
}
