package dev.paymux.core.routing;

import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.Optional;

/** The stores' routing settings. */
public interface StoreRoutings {

    Optional<StoreRouting> find(StoreId store);

    void save(StoreId store, StoreRouting routing, Instant now);
}
