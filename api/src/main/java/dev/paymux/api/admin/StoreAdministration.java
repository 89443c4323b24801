package dev.paymux.api.admin;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.XpubService;
import dev.paymux.onchain.address.AddressValidator;
import dev.paymux.onchain.address.InvalidAddressException;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.OperatorTokens;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreDirectory.NewStore;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import java.util.List;
import org.springframework.stereotype.Component;

/** Creating stores, their credentials and receiving addresses, shared by the admin API, the dashboard and the first-start demo. */
@Component
public class StoreAdministration {

    private final StoreDirectory directory;
    private final OperatorTokens operatorTokens;
    private final Transactions tx;
    private final PaymentService payments;
    private final AddressValidator addressValidator;
    private final XpubService xpubs;

    StoreAdministration(StoreDirectory directory, OperatorTokens operatorTokens, Transactions tx, PaymentService payments,
            AddressValidator addressValidator, XpubService xpubs) {
        this.directory = directory;
        this.operatorTokens = operatorTokens;
        this.tx = tx;
        this.payments = payments;
        this.addressValidator = addressValidator;
        this.xpubs = xpubs;
    }

    /** Credentials as shown once, at creation or rotation. */
    public record IssuedCredentials(StoreId storeId, AccountId accountId, String apiKey, String apiSecret,
            String webhookSecret) {
        @Override
        public String toString() {
            return "IssuedCredentials[storeId=" + storeId + ", apiKey=" + apiKey + ", secrets=***]";
        }
    }

    public IssuedCredentials createStore(AccountId account, String accountName, String name, StoreSettings settings) {
        return tx.inTransaction(() -> {
            AccountId owner = account != null ? account : directory.createAccount(accountName != null ? accountName : name);
            IssuedCredentials issued = new IssuedCredentials(StoreId.random(), owner, Secrets.apiKey(),
                    Secrets.apiSecret(), Secrets.webhookSecret());
            directory.createStore(new NewStore(issued.storeId(), owner, name, issued.apiKey(), issued.apiSecret(),
                    issued.webhookSecret(), settings));
            return issued;
        });
    }

    public IssuedCredentials rotateApiCredentials(StoreId store, AccountId account) {
        IssuedCredentials issued = new IssuedCredentials(store, account, Secrets.apiKey(), Secrets.apiSecret(), null);
        tx.inTransaction(() -> {
            directory.replaceApiCredentials(store, issued.apiKey(), issued.apiSecret());
            return null;
        });
        return issued;
    }

    /** Adds addresses to the pool and lets queued payments take the new slots. */
    public int importAddresses(StoreId store, Asset asset, List<String> addresses) {
        int added = tx.inTransaction(() -> directory.importAddresses(store, asset, addresses));
        payments.promoteQueued(store, asset);
        return added;
    }

    /** An address that is not one of the asset's (format or checksum); the import it was in wrote nothing. */
    public static final class BadAddress extends RuntimeException {
        public BadAddress(String message) {
            super(message);
        }
    }

    /**
     * Checks each address (format and checksum), then imports them in their canonical form: any bad one
     * refuses the whole import.
     *
     * @throws BadAddress naming the first bad address and why
     */
    public int importChecked(StoreId store, Asset asset, List<String> raw) {
        List<String> canonical = new java.util.ArrayList<>();
        for (String a : raw) {
            try {
                canonical.add(addressValidator.canonical(asset, a));
            } catch (InvalidAddressException e) {
                throw new BadAddress("not a valid " + asset.name() + " address: " + a + " (" + e.getMessage() + ")");
            }
        }
        return importAddresses(store, asset, canonical);
    }

    /** Sets the store's extended public key; payments waiting for a pool slot get derived addresses now. */
    public XpubService.Configured setXpub(StoreId store, Asset asset, String xpub) {
        XpubService.Configured configured = xpubs.set(store, asset, xpub);
        payments.promoteQueued(store, asset);
        return configured;
    }

    /** Issues a new operator token; only its hash is kept. */
    public String issueOperatorToken(String label) {
        String token = Secrets.operatorToken();
        operatorTokens.add(Secrets.sha256(token), label);
        return token;
    }
}
