package dev.paymux.core.store;

import java.util.Optional;

/** The stores and their credentials. */
public interface Stores {

    Optional<Store> findById(StoreId id);

    /** A store and its API secret, looked up by API key, for request authentication. */
    Optional<StoreCredentials> findCredentialsByApiKey(String apiKey);

    boolean isEmpty();

    /**
     * @param rateLimit the store's own limit on its signed API requests ({@code <requests>/<period>}), or null
     *                  for the gateway's default
     */
    record StoreCredentials(StoreId storeId, String apiSecret, String rateLimit) {

        public StoreCredentials(StoreId storeId, String apiSecret) {
            this(storeId, apiSecret, null);
        }

        @Override
        public String toString() {
            return "StoreCredentials[storeId=" + storeId + ", apiSecret=***]";
        }
    }
}
