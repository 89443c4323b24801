package dev.paymux.api.provider;

import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.Refreshable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * A tick every {@code paymux.providers.refresh-interval} (default 10 min; the first
 * {@code paymux.providers.refresh-initial-delay}, default 5 s, after start-up) on {@code providers.refresh.ticks}
 * refreshes the catalogue of every registered provider instance that is {@link Refreshable} (Cryptomus's
 * service list, the exchanger's routes), one after the other; one instance's failure never stops the others.
 */
@Configuration(proxyBeanMethods = false)
class ProviderRefreshFlowConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRefreshFlowConfiguration.class);

    @Bean
    IntegrationFlow providerRefreshFlow(Clock clock, ProviderRegistry registry,
            @Value("${paymux.providers.refresh-interval:10m}") Duration interval,
            @Value("${paymux.providers.refresh-initial-delay:5s}") Duration initialDelay) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalStateException("paymux.providers.refresh-interval must be a positive duration");
        }
        if (initialDelay.isNegative()) {
            throw new IllegalStateException("paymux.providers.refresh-initial-delay must not be negative");
        }
        return IntegrationFlow.fromSupplier(clock::instant, p -> p.poller(Pollers.fixedDelay(interval, initialDelay)))
                .channel("providers.refresh.ticks")
                .handle(Instant.class, (tick, headers) -> {
                    refreshAll(registry.all());
                    return null;
                })
                .get();
    }

    /**
     * Refreshes every {@link Refreshable} one of {@code providers}; an exception from one (which the SPI
     * does not expect) is logged and the next one refreshed.
     *
     * @return how many were refreshed without an exception
     */
    static int refreshAll(Collection<PaymentProvider> providers) {
        int refreshed = 0;
        for (PaymentProvider provider : providers) {
            if (provider instanceof Refreshable refreshable) {
                try {
                    refreshable.refresh();
                    refreshed++;
                } catch (RuntimeException e) {
                    // A ProviderException's message is safe to show; another's is not known to be free of secrets.
                    LOG.error("provider instance {}: refresh failed: {}", provider.instance(),
                            e instanceof ProviderException ? e.getMessage() : e.getClass().getName());
                }
            }
        }
        return refreshed;
    }
}
