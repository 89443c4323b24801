package dev.paymux.api.provider;

import dev.paymux.core.money.Asset;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.NativeCheckout;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.onchain.provider.NativeProvider;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Paymux's own provider, instance {@code native}: every asset the gateway can watch, costing the network
 * fee estimate of {@code paymux.providers.native.network-fee.<ASSET>} (default 0).
 */
@Configuration(proxyBeanMethods = false)
class NativeProviderConfiguration {

    @Bean
    NativeProvider nativeProvider(NativeCheckout checkout, Environment environment) {
        Map<String, BigDecimal> fees = Binder.get(environment)
                .bind("paymux.providers.native.network-fee", Bindable.mapOf(String.class, BigDecimal.class))
                .orElse(Map.of());
        var methods = Arrays.stream(Asset.values()).map(a -> new PayMethod(a.name(), null, null,
                new FeeSchedule(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                        fees.getOrDefault(a.name(), BigDecimal.ZERO), BigDecimal.ZERO), true)).toList();
        return new NativeProvider(NativeProvider.TYPE, methods, checkout);
    }
}
