package dev.paymux.core.store;

import java.util.Optional;

/** The stores and their credentials. */
public interface Stores {

    Optional<Store> findById(StoreId id);

    /** A store and its API secret, looked up by API key, for request authentication. */
    Optional<StoreCredentials> findCredentialsByApiKey(String apiKey);

    boolean isEmpty();

    record StoreCredentials(StoreId storeId, String apiSecret) {
        @Override
        public String toString() {
            return "StoreCredentials[storeId=" + storeId + ", apiSecret=***]";
        }
    }
}
