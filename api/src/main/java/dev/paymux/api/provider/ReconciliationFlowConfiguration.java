package dev.paymux.api.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/** A tick every {@code paymux.providers.reconcile-tick} on {@code providers.reconcile.ticks} drives the {@link Reconciler}. */
@Configuration(proxyBeanMethods = false)
class ReconciliationFlowConfiguration {

    @Bean
    IntegrationFlow reconciliationFlow(Clock clock, Reconciler reconciler,
            @Value("${paymux.providers.reconcile-tick:10s}") Duration tick) {
        return IntegrationFlow.fromSupplier(clock::instant, p -> p.poller(Pollers.fixedDelay(tick)))
                .channel("providers.reconcile.ticks")
                .handle(Instant.class, reconciler)
                .get();
    }
}
