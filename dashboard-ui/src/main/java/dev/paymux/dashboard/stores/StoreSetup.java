package dev.paymux.dashboard.stores;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.StoreId;
import java.util.List;

/**
 * What the dashboard asks of the gateway to set stores up: the application implements it with the same
 * service the admin API uses, so a store made here is made exactly as one made there.
 */
public interface StoreSetup {

    /**
     * Creates a store accepting {@code assets}, in {@code account}, or in a new account named after the
     * store when {@code account} is null.
     *
     * @return its credentials, to be shown this once
     */
    Issued create(AccountId account, String name, List<Asset> assets);

    /** Replaces the store's API key and secret; the old ones stop working at once. */
    Issued rotateApiCredentials(StoreId store, AccountId account);

    /**
     * Imports receiving addresses into the store's pool, each checked (format and checksum) first; queued
     * payments take the new slots.
     *
     * @return how many were new
     * @throws IllegalArgumentException naming the first bad address; then nothing was imported
     */
    int importAddresses(StoreId store, Asset asset, List<String> addresses);

    /**
     * Sets the store's extended public key for {@code asset}: each payment then gets the next derived
     * address.
     *
     * @return the key's first receive address, to compare with the wallet's
     * @throws IllegalArgumentException when the key cannot be used for the asset
     */
    String setXpub(StoreId store, Asset asset, String xpub);

    /**
     * Credentials as issued; {@code webhookSecret} is null after an API key rotation.
     */
    record Issued(StoreId storeId, String apiKey, String apiSecret, String webhookSecret) {
        @Override
        public String toString() {
            return "Issued[storeId=" + storeId + ", apiKey=" + apiKey + ", secrets=***]";
        }
    }
}
