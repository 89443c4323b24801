package dev.paymux.api.expiry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * Flow 4 of the design: a poller ticks every {@code paymux.expiry.interval} onto {@code expiry.ticks};
 * {@link ExpirySweep} expires due payments and promotes queued ones into freed slots. Safe on several
 * instances: due rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@Configuration(proxyBeanMethods = false)
class ExpiryFlowConfiguration {

    static final String TICKS = "expiry.ticks";

    @Bean
    IntegrationFlow expiryFlow(Clock clock, ExpirySweep sweep, @Value("${paymux.expiry.interval:15s}") Duration interval) {
        return IntegrationFlow.fromSupplier(clock::instant, poller -> poller.poller(Pollers.fixedDelay(interval)))
                .channel(TICKS)
                .handle(Instant.class, sweep)
                .get();
    }
}
