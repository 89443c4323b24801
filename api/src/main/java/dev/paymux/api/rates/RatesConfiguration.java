package dev.paymux.api.rates;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Configuration;

/**
 * Turns on the two rate-source Feign clients, and only them, so other packages stay free to declare
 * (or not) their own. Their URLs and timeouts are under {@code spring.cloud.openfeign.client.config}.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = {CoinbaseClient.class, KrakenClient.class})
@EnableConfigurationProperties(RatesProperties.class)
class RatesConfiguration {
}
