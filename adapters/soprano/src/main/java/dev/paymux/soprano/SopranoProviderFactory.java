package dev.paymux.soprano;

import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.core.provider.PaymentProviderFactory;
import dev.paymux.core.provider.ProviderSettings;

/**
 * Builds Soprano instances from {@code paymux.providers.instances.<name>.*}: {@code base-url},
 * {@code api-key}, {@code merchant-id}, {@code webhook-secret}, {@code methods} (currency, min, max,
 * fees), and optionally {@code connect-timeout}, {@code read-timeout}.
 */
public final class SopranoProviderFactory implements PaymentProviderFactory {

    @Override
    public String type() {
        return SopranoProvider.TYPE;
    }

    @Override
    public PaymentProvider create(String instance, ProviderSettings s) {
        long merchantId;
        try {
            merchantId = Long.parseLong(s.required("merchant-id"));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(s.path() + ".merchant-id must be a number");
        }
        SopranoConfig config = SopranoConfig.defaults(instance, s.text("base-url").orElse(SopranoConfig.DEFAULT_BASE_URL),
                s.required("api-key"), merchantId, s.required("webhook-secret"), s.payMethods("methods"));
        if (s.duration("connect-timeout").isPresent() || s.duration("read-timeout").isPresent()) {
            config = config.withTimeouts(s.duration("connect-timeout").orElse(config.connectTimeout()),
                    s.duration("read-timeout").orElse(config.readTimeout()));
        }
        return new SopranoProvider(config);
    }
}
