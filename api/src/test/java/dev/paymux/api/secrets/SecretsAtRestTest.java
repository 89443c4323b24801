package dev.paymux.api.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.tx.Transactions;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Store secrets are stored sealed; the API still checks signatures with them; old plaintext rows get sealed. */
class SecretsAtRestTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StoreDirectory directory;

    @Autowired
    Transactions tx;

    @Test
    void theDatabaseHoldsNoStoreSecretAndSignedRequestsStillWork() {
        Admin.WebhookStore hooked = admin().createStoreWithWebhook("https://hooks.example/paymux", clock);
        Merchant m = hooked.merchant();
        var row = jdbc.sql("select api_secret, webhook_secret from stores where id = :id").param("id", UUID.fromString(m.storeId()))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2))).single();
        assertThat(row.get(0)).startsWith("tink:").doesNotContain(m.apiSecret());
        assertThat(row.get(1)).startsWith("tink:").doesNotContain(hooked.webhookSecret());
        assertThat(m.get("/api/v1/merchant/balance").status()).isEqualTo(200);

        // Rotation stores the new secrets sealed too.
        var rotated = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/credentials", null).data();
        String secret = jdbc.sql("select api_secret from stores where id = :id").param("id", UUID.fromString(m.storeId()))
                .query(String.class).single();
        assertThat(secret).startsWith("tink:").doesNotContain(rotated.get("api_secret").asString());
        assertThat(new Merchant(http(), m.storeId(), rotated.get("api_key").asString(), rotated.get("api_secret").asString(),
                clock).get("/api/v1/merchant/balance").status()).isEqualTo(200);
    }

    @Test
    void aSecretStoredBeforeSealingStillSignsAndIsSealedByTheResealing() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        // A row as an older Paymux wrote it: the secret itself.
        jdbc.sql("update stores set api_secret = :s where id = :id").param("s", m.apiSecret())
                .param("id", UUID.fromString(m.storeId())).update();
        assertThat(m.get("/api/v1/merchant/balance").status()).isEqualTo(200);

        assertThat(tx.inTransaction(directory::resealSecrets)).isGreaterThanOrEqualTo(1);
        String stored = jdbc.sql("select api_secret from stores where id = :id").param("id", UUID.fromString(m.storeId()))
                .query(String.class).single();
        assertThat(stored).startsWith("tink:").doesNotContain(m.apiSecret());
        assertThat(m.get("/api/v1/merchant/balance").status()).isEqualTo(200);
        assertThat(tx.inTransaction(directory::resealSecrets)).isZero();
    }
}
