package dev.paymux.db;

import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.providers.ProviderFees;
import dev.paymux.core.providers.ProviderInstances;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.routing.RouteAttempts;
import dev.paymux.core.routing.RouteDecisions;
import dev.paymux.core.routing.RoutingReports;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.settlement.ObservedTransfers;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Repositories of the chain watchers and their settlement, of payments held by providers, and of the store's money. */
@Configuration(proxyBeanMethods = false)
class ChainPersistenceConfiguration {

    @Bean
    ChainCursors chainCursors(JdbcClient jdbc) {
        return new JdbcChainCursors(jdbc);
    }

    @Bean
    ObservedTransfers observedTransfers(JdbcClient jdbc) {
        return new JdbcObservedTransfers(jdbc);
    }

    @Bean
    WatchedAddresses watchedAddresses(JdbcClient jdbc, ObjectProvider<Clock> clock,
            @Value("${paymux.chains.late-window:24h}") Duration lateWindow) {
        return new JdbcWatchedAddresses(jdbc, clock.getIfAvailable(Clock::systemUTC), lateWindow);
    }

    @Bean
    ProviderPayments providerPayments(JdbcClient jdbc) {
        return new JdbcProviderPayments(jdbc);
    }

    @Bean
    ProviderCallbacks providerCallbacks(JdbcClient jdbc) {
        return new JdbcProviderCallbacks(jdbc);
    }

    @Bean
    dev.paymux.core.store.StoreBrandings storeBrandings(JdbcClient jdbc) {
        return new JdbcStoreBrandings(jdbc);
    }

    @Bean
    dev.paymux.core.store.WidgetOrigins widgetOrigins(JdbcClient jdbc) {
        return new JdbcWidgetOrigins(jdbc);
    }

    @Bean
    dev.paymux.core.ledger.BalanceHistory balanceHistory(JdbcClient jdbc) {
        return new JdbcBalanceHistory(jdbc);
    }

    @Bean
    dev.paymux.core.payment.PaymentTimelines paymentTimelines(JdbcClient jdbc) {
        return new JdbcPaymentTimelines(jdbc);
    }

    @Bean
    dev.paymux.core.user.DashboardUsers dashboardUsers(JdbcClient jdbc,
            ObjectProvider<dev.paymux.core.store.SecretBox> box) {
        return new JdbcDashboardUsers(jdbc, box.getIfAvailable(() -> dev.paymux.core.store.SecretBox.NONE));
    }

    @Bean
    StoreProviders storeProviders(JdbcClient jdbc) {
        return new JdbcStoreProviders(jdbc);
    }

    @Bean
    StoreRoutings storeRoutings(JdbcClient jdbc) {
        return new JdbcStoreRoutings(jdbc);
    }

    @Bean
    RouteDecisions routeDecisions(JdbcClient jdbc) {
        return new JdbcRouteDecisions(jdbc);
    }

    @Bean
    RouteAttempts routeAttempts(JdbcClient jdbc) {
        return new JdbcRouteAttempts(jdbc);
    }

    @Bean
    RoutingReports routingReports(JdbcClient jdbc) {
        return new JdbcRoutingReports(jdbc);
    }

    @Bean
    ProviderInstances providerInstances(JdbcClient jdbc) {
        return new JdbcProviderInstances(jdbc);
    }

    @Bean
    ProviderFees providerFees(JdbcClient jdbc) {
        return new JdbcProviderFees(jdbc);
    }

    /** Payout records and commission rates; one class implements both ports. */
    @Bean
    JdbcPayouts payouts(JdbcClient jdbc) {
        return new JdbcPayouts(jdbc);
    }
}
