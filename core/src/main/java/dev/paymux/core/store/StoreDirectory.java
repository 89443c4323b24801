package dev.paymux.core.store;

import dev.paymux.core.money.Asset;
import java.util.List;

/** Operator-side management of accounts, stores, credentials and address pools. */
public interface StoreDirectory {

    AccountId createAccount(String name);

    /** Creates a store with freshly generated credentials, which are returned once. */
    void createStore(NewStore store);

    void updateSettings(StoreId store, StoreSettings settings);

    /** Replaces the store's API key and secret. */
    void replaceApiCredentials(StoreId store, String apiKey, String apiSecret);

    /**
     * Adds receiving addresses to the store's pool for an asset; addresses already there are skipped.
     *
     * @return how many were added
     */
    int importAddresses(StoreId store, Asset asset, List<String> addresses);

    List<String> addresses(StoreId store, Asset asset);

    List<Store> list();

    record NewStore(StoreId id, AccountId accountId, String name, String apiKey, String apiSecret,
            String webhookSecret, StoreSettings settings) {
        @Override
        public String toString() {
            return "NewStore[id=" + id + ", name=" + name + "]";
        }
    }

    /** Everything about a store that the operator may change; null fields are left as they are on update. */
    record StoreSettings(List<Asset> assets, String pricingCurrency, Integer lifetimeSeconds,
            java.math.BigDecimal underpaidTolerancePercent, String webhookUrl) {
    }
}
