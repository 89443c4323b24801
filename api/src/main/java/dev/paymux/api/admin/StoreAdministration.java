package dev.paymux.api.admin;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.OperatorTokens;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreDirectory.NewStore;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import java.util.List;
import org.springframework.stereotype.Component;

/** Creating stores and their credentials, shared by the admin API and the first-start demo. */
@Component
public class StoreAdministration {

    private final StoreDirectory directory;
    private final OperatorTokens operatorTokens;
    private final Transactions tx;
    private final PaymentService payments;

    StoreAdministration(StoreDirectory directory, OperatorTokens operatorTokens, Transactions tx, PaymentService payments) {
        this.directory = directory;
        this.operatorTokens = operatorTokens;
        this.tx = tx;
        this.payments = payments;
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

    /** Issues a new operator token; only its hash is kept. */
    public String issueOperatorToken(String label) {
        String token = Secrets.operatorToken();
        operatorTokens.add(Secrets.sha256(token), label);
        return token;
    }
}
