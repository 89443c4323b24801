package dev.paymux.api.widget;

import dev.paymux.core.store.Store;
import dev.paymux.core.store.Stores;
import dev.paymux.core.store.WidgetOrigins;
import dev.paymux.core.tx.Transactions;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The one rule for who may use a store's widget endpoint: a browser page of one of the store's origins. */
@Component
class WidgetAccess {

    private final Stores stores;
    private final WidgetOrigins origins;
    private final Transactions tx;

    WidgetAccess(Stores stores, WidgetOrigins origins, Transactions tx) {
        this.stores = stores;
        this.origins = origins;
        this.tx = tx;
    }

    /** The store behind a public API key. */
    Optional<Store> store(String apiKey) {
        return stores.findCredentialsByApiKey(apiKey).flatMap(c -> stores.findById(c.storeId()));
    }

    /** The request's origin, in canonical form, when it may use the store's widget. */
    Optional<String> allowedOrigin(Store store, String originHeader) {
        return WidgetOrigins.normalize(originHeader)
                .filter(origin -> tx.inTransaction(() -> origins.allows(store.id(), origin)));
    }
}
