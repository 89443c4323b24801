package dev.paymux.api.webhook;

import dev.paymux.core.webhook.Delivery;
import dev.paymux.core.webhook.WebhookDeliveries;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.MessageChannels;
import org.springframework.integration.dsl.Pollers;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Flow 5 of the design. A poller claims due deliveries ({@code FOR UPDATE SKIP LOCKED}, leased), the batch
 * is split onto {@code webhooks.due}, an executor channel, and {@link WebhookSender} sends each on its own
 * thread, so one slow endpoint never holds up another store's webhooks.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookDispatchConfiguration {

    static final String DUE = "webhooks.due";

    @Bean
    WebhookClaimer webhookClaimer(WebhookDeliveries deliveries, Clock clock, WebhookProperties properties) {
        return new WebhookClaimer(deliveries, clock, properties);
    }

    @Bean
    WebhookSender webhookSender(WebhookDeliveries deliveries, dev.paymux.core.tx.Transactions tx, WebhookUrlPolicy urls, Clock clock,
            WebhookProperties properties) {
        return new WebhookSender(deliveries, tx, urls, clock, properties);
    }

    @Bean
    ThreadPoolTaskExecutor webhookExecutor(WebhookProperties properties) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(properties.threads());
        executor.setMaxPoolSize(properties.threads());
        executor.setQueueCapacity(properties.batchSize() * 4);
        executor.setThreadNamePrefix("webhook-");
        // A full queue makes the poller send itself: back-pressure instead of dropping claimed work.
        executor.setRejectedExecutionHandler(new java.util.concurrent.ThreadPoolExecutor.CallerRunsPolicy());
        executor.setWaitForTasksToCompleteOnShutdown(false);
        return executor;
    }

    @Bean
    IntegrationFlow webhookDispatchFlow(WebhookClaimer claimer, WebhookSender sender,
            ThreadPoolTaskExecutor webhookExecutor, WebhookProperties properties) {
        return IntegrationFlow.fromSupplier(claimer::claim,
                        poller -> poller.poller(Pollers.fixedDelay(properties.pollInterval())).id("webhookPoller"))
                .split()
                .channel(MessageChannels.executor(DUE, webhookExecutor))
                .handle(Delivery.class, sender)
                .get();
    }
}
