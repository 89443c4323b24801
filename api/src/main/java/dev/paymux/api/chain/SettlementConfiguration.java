package dev.paymux.api.chain;

import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.ledger.PayoutService;
import dev.paymux.core.ledger.Payouts;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.settlement.ChainSettlement;
import dev.paymux.core.settlement.Commissions;
import dev.paymux.core.settlement.ObservedTransfers;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChainProperties.class)
class SettlementConfiguration {

    /** The {@code TransferSink} every watcher reports to. */
    @Bean
    ChainSettlement chainSettlement(Transactions tx, ObservedTransfers transfers, Payments payments, Stores stores,
            Ledger ledger, Commissions commissions, ChainProperties properties, Clock clock) {
        return new ChainSettlement(tx, transfers, payments, stores, ledger, commissions, properties.policy(), clock);
    }

    @Bean
    PayoutService payoutService(Transactions tx, Payouts payouts, Ledger ledger, Clock clock) {
        return new PayoutService(tx, payouts, ledger, clock);
    }
}
