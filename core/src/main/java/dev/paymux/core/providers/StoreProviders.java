package dev.paymux.core.providers;

import dev.paymux.core.store.StoreId;
import java.util.Optional;

/** Which provider instance a store hands its payments to; none means Paymux takes them natively. */
public interface StoreProviders {

    Optional<String> instanceOf(StoreId store);

    /** Sets the store's provider instance, or clears it with null. */
    void assign(StoreId store, String instance);
}
