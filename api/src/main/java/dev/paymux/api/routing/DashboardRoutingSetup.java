package dev.paymux.api.routing;

import dev.paymux.api.provider.ProviderRegistry;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.providers.RoutingSetup;
import java.time.Clock;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** The dashboard's routing rules, saved and recorded as the admin API saves them. */
@Component
class DashboardRoutingSetup implements RoutingSetup {

    private final StoreRoutings routings;
    private final ProviderRegistry registry;
    private final Transactions tx;
    private final JsonMapper json;
    private final Clock clock;

    DashboardRoutingSetup(StoreRoutings routings, ProviderRegistry registry, Transactions tx, JsonMapper json, Clock clock) {
        this.routings = routings;
        this.registry = registry;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void save(StoreId store, StoreRouting routing, String actor) {
        Stream.concat(Stream.concat(routing.rules().excluded().stream(), routing.rules().weights().keySet().stream()),
                Stream.ofNullable(routing.rules().pinned())).forEach(name -> {
                    if (registry.find(name).isEmpty()) {
                        throw new IllegalArgumentException("no provider instance is named '" + name + "'");
                    }
                });
        String detail = json.writeValueAsString(RoutingAdminController.RoutingView.of(store, routing));
        tx.inTransaction(() -> {
            routings.save(store, routing, clock.instant(), actor, detail);
            return null;
        });
    }
}
