package dev.paymux.db;

import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.SecretBox;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcStores implements Stores, StoreDirectory {

    private static final String SELECT = """
            select id, account_id, name, api_key, pricing_currency, lifetime_seconds, underpaid_tolerance_percent,
                   webhook_url, donations_enabled, donation_text from stores
            """;

    private final JdbcClient jdbc;
    private final SecretBox box;

    JdbcStores(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    @Override
    public Optional<Store> findById(StoreId id) {
        return jdbc.sql(SELECT + " where id = :id").param("id", id.value()).query(this::map).optional();
    }

    @Override
    public Optional<StoreCredentials> findCredentialsByApiKey(String apiKey) {
        return jdbc.sql("select id, api_secret, api_rate_limit from stores where api_key = :key").param("key", apiKey)
                .query((rs, i) -> new StoreCredentials(new StoreId(rs.getObject("id", UUID.class)),
                        box.open(rs.getString("api_secret")), rs.getString("api_rate_limit")))
                .optional();
    }

    @Override
    public boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from stores)").query(Boolean.class).single();
    }

    @Override
    public List<Store> list() {
        return jdbc.sql(SELECT + " order by created_at, id").query(this::map).list();
    }

    @Override
    public AccountId createAccount(String name) {
        AccountId id = AccountId.random();
        jdbc.sql("insert into accounts (id, name) values (:id, :name)").param("id", id.value()).param("name", name)
                .update();
        return id;
    }

    @Override
    public void createStore(NewStore s) {
        jdbc.sql("""
                insert into stores (id, account_id, name, api_key, api_secret, webhook_secret)
                values (:id, :account, :name, :key, :secret, :webhookSecret)
                """)
                .param("id", s.id().value()).param("account", s.accountId().value()).param("name", s.name())
                .param("key", s.apiKey()).param("secret", box.seal(s.apiSecret()))
                .param("webhookSecret", box.seal(s.webhookSecret()))
                .update();
        updateSettings(s.id(), s.settings());
    }

    @Override
    public int resealSecrets() {
        int changed = 0;
        for (var row : jdbc.sql("select id, api_secret, webhook_secret, webhook_secret_previous from stores for update")
                .query((rs, n) -> new String[] {rs.getString("id"), rs.getString("api_secret"), rs.getString("webhook_secret"),
                        rs.getString("webhook_secret_previous")}).list()) {
            if (box.needsResealing(row[1]) || box.needsResealing(row[2]) || box.needsResealing(row[3])) {
                jdbc.sql("update stores set api_secret = :a, webhook_secret = :w, webhook_secret_previous = :p "
                        + "where id = :id")
                        .param("a", box.seal(box.open(row[1]))).param("w", box.seal(box.open(row[2])))
                        .param("p", box.seal(box.open(row[3]))).param("id", UUID.fromString(row[0])).update();
                changed++;
            }
        }
        return changed;
    }

    @Override
    public void setRateLimit(StoreId store, String limitOrNull) {
        jdbc.sql("update stores set api_rate_limit = :l where id = :id").param("id", store.value())
                .param("l", limitOrNull).update();
    }

    @Override
    public void updateSettings(StoreId store, StoreSettings settings) {
        if (settings == null) {
            return;
        }
        jdbc.sql("""
                update stores set
                  pricing_currency = coalesce(:pricing, pricing_currency),
                  lifetime_seconds = coalesce(:lifetime, lifetime_seconds),
                  underpaid_tolerance_percent = coalesce(:tolerance, underpaid_tolerance_percent),
                  webhook_url = coalesce(:webhook, webhook_url),
                  donations_enabled = coalesce(:donations, donations_enabled),
                  donation_text = case when cast(:donationText as text) is null then donation_text
                                       else nullif(cast(:donationText as text), '') end
                where id = :id
                """)
                .param("pricing", settings.pricingCurrency()).param("lifetime", settings.lifetimeSeconds())
                .param("tolerance", settings.underpaidTolerancePercent()).param("webhook", settings.webhookUrl())
                .param("donations", settings.donationsEnabled()).param("donationText", settings.donationText())
                .param("id", store.value())
                .update();
        if (settings.assets() != null) {
            jdbc.sql("delete from store_assets where store_id = :id").param("id", store.value()).update();
            int position = 0;
            for (Asset asset : settings.assets()) {
                jdbc.sql("insert into store_assets (store_id, asset, position) values (:id, :asset, :pos)")
                        .param("id", store.value()).param("asset", asset.name()).param("pos", position++)
                        .update();
            }
        }
    }

    @Override
    public void replaceApiCredentials(StoreId store, String apiKey, String apiSecret) {
        jdbc.sql("update stores set api_key = :key, api_secret = :secret where id = :id")
                .param("key", apiKey).param("secret", box.seal(apiSecret)).param("id", store.value()).update();
    }

    @Override
    public int importAddresses(StoreId store, Asset asset, List<String> addresses) {
        int added = 0;
        for (String address : addresses) {
            added += jdbc.sql("""
                    insert into receiving_addresses (store_id, asset, address) values (:store, :asset, :address)
                    on conflict (store_id, asset, address) do nothing
                    """)
                    .param("store", store.value()).param("asset", asset.name()).param("address", address)
                    .update();
        }
        return added;
    }

    @Override
    public List<String> addresses(StoreId store, Asset asset) {
        // The pool only: derived addresses belong to one payment each.
        return jdbc.sql("""
                select address from receiving_addresses
                where store_id = :store and asset = :asset and derivation_index is null order by id
                """)
                .param("store", store.value()).param("asset", asset.name()).query(String.class).list();
    }

    @Override
    public void setWebhookUrl(StoreId store, String urlOrNull) {
        jdbc.sql("update stores set webhook_url = :url where id = :id")
                .param("url", urlOrNull).param("id", store.value()).update();
        if (urlOrNull == null) {
            // Nowhere to send them any more: waiting events are settled rather than retried into the void.
            jdbc.sql("""
                    update webhook_events set state = 'skipped', state_reason = 'the webhook URL was removed',
                        next_attempt_at = null, lease_until = null
                    where store_id = :id and state in ('pending', 'held')
                    """).param("id", store.value()).update();
        }
    }

    @Override
    public void rotateWebhookSecret(StoreId store, String newSecret, Instant previousValidUntil) {
        // The right-hand sides see the row as it was: the current secret becomes the previous one.
        jdbc.sql("""
                update stores set webhook_secret_previous = webhook_secret, webhook_secret = :secret,
                    webhook_secret_previous_expires_at = :until
                where id = :id
                """)
                .param("secret", box.seal(newSecret)).param("until", ts(previousValidUntil)).param("id", store.value())
                .update();
    }

    @Override
    public Optional<WebhookEndpoint> webhookEndpoint(StoreId store) {
        return jdbc.sql("""
                select webhook_url, webhook_disabled_at, webhook_disabled_reason, webhook_secret_previous_expires_at
                from stores where id = :id
                """).param("id", store.value())
                .query((rs, i) -> new WebhookEndpoint(rs.getString("webhook_url"), instant(rs, "webhook_disabled_at"),
                        rs.getString("webhook_disabled_reason"), instant(rs, "webhook_secret_previous_expires_at")))
                .optional();
    }

    private Store map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        List<Asset> assets = jdbc.sql("select asset from store_assets where store_id = :id order by position")
                .param("id", id).query((r, i) -> Asset.valueOf(r.getString("asset"))).list();
        BigDecimal tolerance = rs.getBigDecimal("underpaid_tolerance_percent");
        return new Store(new StoreId(id), new AccountId(rs.getObject("account_id", UUID.class)), rs.getString("name"),
                rs.getString("api_key"), assets, rs.getString("pricing_currency"),
                Duration.ofSeconds(rs.getInt("lifetime_seconds")), tolerance, rs.getString("webhook_url"),
                rs.getBoolean("donations_enabled"), rs.getString("donation_text"));
    }
}
