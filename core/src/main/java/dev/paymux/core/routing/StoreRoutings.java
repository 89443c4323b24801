package dev.paymux.core.routing;

import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stores' routing settings and who changed them. */
public interface StoreRoutings {

    Optional<StoreRouting> find(StoreId store);

    /** Saves the settings and records the change: {@code detailJson} is the new settings as JSON. */
    void save(StoreId store, StoreRouting routing, Instant now, String actor, String detailJson);

    /** The latest changes of a store's routing, newest first. */
    List<Change> changes(StoreId store, int limit);

    record Change(long id, Instant at, String actor, String detailJson) {
    }
}
