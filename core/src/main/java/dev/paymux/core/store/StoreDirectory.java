package dev.paymux.core.store;

import java.math.BigDecimal;

import dev.paymux.core.money.Asset;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Operator-side management of accounts, stores, credentials and address pools. */
public interface StoreDirectory {

    AccountId createAccount(String name);

    /** Creates a store with freshly generated credentials, which are returned once. */
    void createStore(NewStore store);

    void updateSettings(StoreId store, StoreSettings settings);

    /**
     * Seals every store's stored secrets with the primary key: ones stored before secrets were sealed, and
     * ones of a key that is no longer primary.
     *
     * @return how many stores' rows changed
     */
    int resealSecrets();

    /** The store's own limit on its signed API requests ({@code <requests>/<period>}), or null for the default. */
    void setRateLimit(StoreId store, String limitOrNull);

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

    /**
     * Sets the store's webhook URL, or removes it with {@code null}. Removing it also settles the events
     * still waiting to be sent ({@code pending} or {@code held}) as {@code skipped}: there is nowhere to send them.
     */
    void setWebhookUrl(StoreId store, String urlOrNull);

    /**
     * Makes {@code newSecret} the webhook secret; the secret in use until now stays valid, as the previous
     * one, until {@code previousValidUntil}. Rotating again within that grace period makes the secret that
     * was current the previous one, and the one before it stops working at once.
     */
    void rotateWebhookSecret(StoreId store, String newSecret, Instant previousValidUntil);

    /** The store's webhook endpoint as the merchant may see it (never a secret); empty for an unknown store. */
    Optional<WebhookEndpoint> webhookEndpoint(StoreId store);

    record NewStore(StoreId id, AccountId accountId, String name, String apiKey, String apiSecret,
            String webhookSecret, StoreSettings settings) {
        @Override
        public String toString() {
            return "NewStore[id=" + id + ", name=" + name + "]";
        }
    }

    /**
     * Everything about a store that the operator may change; null fields are left as they are on update.
     * {@code donationText} is the exception to "null means unchanged" only through {@link #CLEAR}: the
     * empty string removes the text.
     */
    record StoreSettings(List<Asset> assets, String pricingCurrency, Integer lifetimeSeconds,
            java.math.BigDecimal underpaidTolerancePercent, String webhookUrl, Boolean donationsEnabled,
            String donationText) {

        /** The {@code donationText} that removes the store's text. */
        public static final String CLEAR = "";
        /** How long a payment may wait for its transfer, in seconds: a minute to a week. */
        public static final int MIN_LIFETIME_SECONDS = 60;
        public static final int MAX_LIFETIME_SECONDS = 7 * 24 * 3600;
        /** The largest shortfall, in percent, that may still count as paid. */
        public static final BigDecimal MAX_TOLERANCE_PERCENT = BigDecimal.TEN;
        public static final int MAX_DONATION_TEXT = 500;

        public static boolean validLifetime(long seconds) {
            return seconds >= MIN_LIFETIME_SECONDS && seconds <= MAX_LIFETIME_SECONDS;
        }

        /** 0 to 10 with at most 2 decimals (the column's scale: a third decimal would be rounded away). */
        public static boolean validTolerance(BigDecimal percent) {
            return percent.signum() >= 0 && percent.compareTo(MAX_TOLERANCE_PERCENT) <= 0
                    && percent.stripTrailingZeros().scale() <= 2;
        }

        public static boolean validDonationText(String text) {
            return text.codePointCount(0, text.length()) <= MAX_DONATION_TEXT;
        }

        /** Settings that leave the donation settings as they are. */
        public StoreSettings(List<Asset> assets, String pricingCurrency, Integer lifetimeSeconds,
                java.math.BigDecimal underpaidTolerancePercent, String webhookUrl) {
            this(assets, pricingCurrency, lifetimeSeconds, underpaidTolerancePercent, webhookUrl, null, null);
        }
    }

    /**
     * A store's webhook endpoint, without secrets.
     *
     * @param url                       null when the store has none
     * @param disabledAt                when a 410 Gone disabled it, or null while enabled
     * @param disabledReason            why it was disabled, or null
     * @param previousSecretValidUntil  end of the last rotation's grace period (may lie in the past), or null
     */
    record WebhookEndpoint(String url, Instant disabledAt, String disabledReason, Instant previousSecretValidUntil) {

        public boolean disabled() {
            return disabledAt != null;
        }

        /** Whether a previous secret is still accepted at {@code now}. */
        public boolean inRotationGrace(Instant now) {
            return previousSecretValidUntil != null && previousSecretValidUntil.isAfter(now);
        }
    }
}
