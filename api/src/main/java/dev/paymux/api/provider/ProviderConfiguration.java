package dev.paymux.api.provider;

import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.core.providers.ProviderUpdates;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ProviderConfiguration {

    @Bean
    ProviderUpdates providerUpdates(Transactions tx, Payments payments, ProviderPayments links,
            ProviderCallbacks callbacks, Ledger ledger, Stores stores, Clock clock,
            @Value("${paymux.providers.reconcile-interval:1m}") Duration recheck) {
        return new ProviderUpdates(tx, payments, links, callbacks, ledger, stores, clock, recheck);
    }
}
