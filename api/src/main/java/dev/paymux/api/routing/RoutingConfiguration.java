package dev.paymux.api.routing;

import dev.paymux.api.provider.ProviderRegistry;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.routing.Quoter;
import dev.paymux.core.routing.RouteAttempts;
import dev.paymux.core.routing.RouteDecisions;
import dev.paymux.core.routing.RoutedCheckout;
import dev.paymux.core.routing.Router;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Routing by cost: {@code paymux.routing.failover-budget} (default 20s) bounds failover for one request,
 * {@code paymux.routing.stats-window} (default 1h) is how far back success rates and latencies count,
 * {@code paymux.routing.call-allowance} (default 2m) is the longest one provider call may take.
 */
@Configuration(proxyBeanMethods = false)
class RoutingConfiguration {

    @Bean
    Router router() {
        return new Router();
    }

    /** The one way payments are created and choices applied (routed, handed to one instance, or native). */
    @Bean
    Checkout checkout(PaymentService service, RoutedCheckout routed, Stores stores, StoreRoutings routings,
            StoreProviders assigned, ProviderRegistry registry, Transactions tx) {
        return new Checkout(service, routed, stores, routings, assigned,
                instance -> registry.find(instance).filter(p -> registry.routable(p.instance())), tx);
    }

    @Bean
    RoutedCheckout routedCheckout(PaymentService service, Payments payments, ProviderPayments links,
            RouteDecisions decisions, RouteAttempts attempts, Router router, ObjectProvider<Quoter> quoter,
            ProviderRegistry registry, Transactions tx, Clock clock, RoutingMetrics metrics,
            @Value("${paymux.public-url}") String publicUrl,
            @Value("${paymux.routing.failover-budget:20s}") Duration budget,
            @Value("${paymux.routing.stats-window:1h}") Duration statsWindow,
            @Value("${paymux.routing.call-allowance:2m}") Duration callAllowance,
            @Value("${paymux.providers.reconcile-interval:1m}") Duration recheck) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return new RoutedCheckout(service, payments, links, decisions, attempts, router,
                quoter.getIfAvailable(Quoter::adapters), registry::routable, registry::find,
                instance -> base + "/callbacks/" + instance, tx, clock,
                new RoutedCheckout.Settings(budget, recheck, statsWindow, callAllowance), metrics);
    }
}
