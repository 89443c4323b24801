package dev.paymux.api.provider;

import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.payment.Locks;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.providers.ProviderCheckout;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.core.providers.ProviderUpdates;
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
            ProviderCallbacks callbacks, Ledger ledger, Clock clock,
            @Value("${paymux.providers.reconcile-interval:1m}") Duration recheck) {
        return new ProviderUpdates(tx, payments, links, callbacks, ledger, clock, recheck);
    }

    /** Creates payments at providers; providers call back at {@code <public-url>/callbacks/<instance>}. */
    @Bean
    ProviderCheckout providerCheckout(Transactions tx, Payments payments, ProviderPayments links, Locks locks,
            Clock clock, @Value("${paymux.public-url}") String publicUrl,
            @Value("${paymux.providers.reconcile-interval:1m}") Duration recheck) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new ProviderCheckout(tx, payments, links, locks, clock, instance -> base + "/callbacks/" + instance,
                recheck);
    }
}
