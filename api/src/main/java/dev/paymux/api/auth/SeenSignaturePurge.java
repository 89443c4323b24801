package dev.paymux.api.auth;

import dev.paymux.core.store.SeenSignatures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Forgets seen signatures whose window has passed, every {@code paymux.api.seen-signatures-purge-interval}:
 * one indexed delete, off the request path, so a create costs one insert. Harmless on several instances.
 */
@Configuration(proxyBeanMethods = false)
class SeenSignaturePurge {

    @Bean
    IntegrationFlow seenSignaturePurgeFlow(Clock clock, SeenSignatures seen,
            @Value("${paymux.api.seen-signatures-purge-interval:1m}") Duration interval) {
        return IntegrationFlow.fromSupplier(clock::instant, poller -> poller.poller(Pollers.fixedDelay(interval)))
                .handle(Instant.class, (now, headers) -> {
                    seen.purgeExpired(now);
                    return null;
                })
                .get();
    }
}
