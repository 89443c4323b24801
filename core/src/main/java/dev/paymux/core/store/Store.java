package dev.paymux.core.store;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A merchant's store: its own credentials, accepted assets and payment settings.
 *
 * @param assets           enabled pay-in assets, in the order the store lists them to customers
 * @param pricingCurrency  what a bare {@code amount} means when the store accepts several assets
 *                         (a fiat code, {@code USD} by default)
 * @param lifetime         how long a pending payment waits for its transfer
 * @param underpaidTolerancePercent  a shortfall within this percentage counts as paid
 * @param donationsEnabled  whether {@code POST /donate/create} (and later the widget and page) take donations
 * @param donationText      the store's text for its donation widget and page, or null
 */
public record Store(StoreId id, AccountId accountId, String name, String apiKey, List<Asset> assets,
        String pricingCurrency, Duration lifetime, BigDecimal underpaidTolerancePercent, String webhookUrl,
        boolean donationsEnabled, String donationText) {

    public Store {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        assets = List.copyOf(assets);
    }

    /** A store that takes no donations. */
    public Store(StoreId id, AccountId accountId, String name, String apiKey, List<Asset> assets,
            String pricingCurrency, Duration lifetime, BigDecimal underpaidTolerancePercent, String webhookUrl) {
        this(id, accountId, name, apiKey, assets, pricingCurrency, lifetime, underpaidTolerancePercent, webhookUrl,
                false, null);
    }

    public boolean accepts(Asset asset) {
        return assets.contains(asset);
    }
}
