package dev.paymux.db;

import dev.paymux.core.store.SecretBox;

import org.springframework.beans.factory.ObjectProvider;

import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.payment.AddressSlots;
import dev.paymux.core.payment.DerivedAddresses;
import dev.paymux.core.payment.Locks;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.store.OperatorTokens;
import dev.paymux.core.store.SeenSignatures;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.Outbox;
import dev.paymux.core.webhook.WebhookDeliveries;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The JDBC implementations of core's ports. */
@Configuration(proxyBeanMethods = false)
@Import({DataSourceConfiguration.class, ChainPersistenceConfiguration.class})
public class PersistenceConfiguration {

    @Bean
    JdbcClient jdbcClient(DataSource dataSource) {
        return JdbcClient.create(dataSource);
    }

    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new JdbcTransactionManager(dataSource);
    }

    @Bean
    Transactions transactions(PlatformTransactionManager transactionManager) {
        return new SpringTransactions(new TransactionTemplate(transactionManager));
    }

    @Bean
    JdbcStores stores(JdbcClient jdbc, ObjectProvider<SecretBox> box) {
        return new JdbcStores(jdbc, box.getIfAvailable(() -> SecretBox.NONE));
    }

    @Bean
    Outbox outbox(JdbcClient jdbc) {
        return new JdbcOutbox(jdbc);
    }

    @Bean
    Payments payments(JdbcClient jdbc, Outbox outbox) {
        return new JdbcPayments(jdbc, outbox);
    }

    @Bean
    WebhookDeliveries webhookDeliveries(JdbcClient jdbc, ObjectProvider<SecretBox> box) {
        return new JdbcWebhookDeliveries(jdbc, box.getIfAvailable(() -> SecretBox.NONE));
    }

    @Bean
    AddressSlots addressSlots(JdbcClient jdbc) {
        return new JdbcAddressSlots(jdbc);
    }

    @Bean
    DerivedAddresses derivedAddresses(JdbcClient jdbc) {
        return new JdbcDerivedAddresses(jdbc);
    }

    @Bean
    Locks locks(JdbcClient jdbc) {
        return new PgLocks(jdbc);
    }

    @Bean
    Ledger ledger(JdbcClient jdbc) {
        return new JdbcLedger(jdbc);
    }

    @Bean
    OperatorTokens operatorTokens(JdbcClient jdbc) {
        return new JdbcOperatorTokens(jdbc);
    }

    @Bean
    SeenSignatures seenSignatures(JdbcClient jdbc) {
        return new JdbcSeenSignatures(jdbc);
    }
}
