package dev.paymux.api.admin;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.InvalidExtendedKeyException;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.StoreId;
import dev.paymux.dashboard.stores.StoreSetup;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/** The dashboard's store setup, through the admin API's own {@link StoreAdministration}. */
@Component
class DashboardStoreSetup implements StoreSetup {

    private final StoreAdministration administration;

    DashboardStoreSetup(StoreAdministration administration) {
        this.administration = administration;
    }

    @Override
    public Issued create(AccountId account, String name, List<Asset> assets) {
        var issued = administration.createStore(account, name, name,
                new StoreSettings(assets, "USD", 1800, BigDecimal.ZERO, null));
        return new Issued(issued.storeId(), issued.apiKey(), issued.apiSecret(), issued.webhookSecret());
    }

    @Override
    public int importAddresses(StoreId store, Asset asset, List<String> addresses) {
        try {
            return administration.importChecked(store, asset, addresses);
        } catch (StoreAdministration.BadAddress e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public String setXpub(StoreId store, Asset asset, String xpub) {
        try {
            return administration.setXpub(store, asset, xpub).firstAddress();
        } catch (PaymentException | InvalidExtendedKeyException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @Override
    public Issued rotateApiCredentials(StoreId store, AccountId account) {
        var issued = administration.rotateApiCredentials(store, account);
        return new Issued(store, issued.apiKey(), issued.apiSecret(), null);
    }
}
