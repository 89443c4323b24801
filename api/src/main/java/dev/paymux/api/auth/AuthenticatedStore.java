package dev.paymux.api.auth;

import dev.paymux.core.store.StoreId;
import jakarta.servlet.http.HttpServletRequest;

/** The store a signed request was authenticated as. */
public final class AuthenticatedStore {

    public static final String ATTRIBUTE = "paymux.store";

    private AuthenticatedStore() {
    }

    public static StoreId of(HttpServletRequest request) {
        Object store = request.getAttribute(ATTRIBUTE);
        if (store instanceof StoreId id) {
            return id;
        }
        throw new IllegalStateException("request was not authenticated");
    }
}
