package dev.paymux.api.provider;

import dev.paymux.core.providers.ProviderInstances;
import dev.paymux.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.core.GenericHandler;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * Every {@code paymux.providers.sync-interval} (default 30s) each gateway node re-reads the stored provider
 * instances and fee schedules, so a change made through the admin API on one node reaches all of them.
 */
@Configuration(proxyBeanMethods = false)
class ProviderSyncConfiguration {

    @Bean
    IntegrationFlow providerSyncFlow(Clock clock, ProviderSync sync,
            @Value("${paymux.providers.sync-interval:30s}") Duration interval) {
        return IntegrationFlow.fromSupplier(clock::instant, p -> p.poller(Pollers.fixedDelay(interval, interval)))
                .channel("providers.sync.ticks")
                .handle(Instant.class, sync)
                .get();
    }

    /** Re-reads instances and fee schedules; a failure is logged and retried at the next tick. */
    @Component
    static class ProviderSync implements GenericHandler<Instant> {

        private static final Logger log = LoggerFactory.getLogger(ProviderSync.class);

        private final ProviderRegistry registry;
        private final ProviderInstances stored;
        private final OperatorFees fees;
        private final Transactions tx;

        ProviderSync(ProviderRegistry registry, ProviderInstances stored, OperatorFees fees, Transactions tx) {
            this.registry = registry;
            this.stored = stored;
            this.fees = fees;
            this.tx = tx;
        }

        @Override
        public Object handle(Instant tick, MessageHeaders headers) {
            try {
                int changed = registry.sync(tx.inTransaction(stored::all));
                fees.reload();
                if (changed > 0) {
                    log.info("Provider instances synchronised from the database: {} changed", changed);
                }
            } catch (RuntimeException e) {
                log.warn("Synchronising provider instances failed, retrying at the next tick: {}", e.toString());
            }
            return null;
        }
    }
}
