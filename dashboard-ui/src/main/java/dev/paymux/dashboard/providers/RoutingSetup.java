package dev.paymux.dashboard.providers;

import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.store.StoreId;

/**
 * Saving a store's routing rules from the dashboard: the application implements it as the admin API's
 * {@code PUT /admin/v1/stores/{id}/routing} does, recorded in the same change history.
 */
public interface RoutingSetup {

    /**
     * Saves the rules, as done by {@code actor}.
     *
     * @throws IllegalArgumentException when they name an instance the gateway does not know
     */
    void save(StoreId store, StoreRouting routing, String actor);
}
