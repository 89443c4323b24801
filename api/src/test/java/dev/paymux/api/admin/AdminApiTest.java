package dev.paymux.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AdminApiTest extends ApiTest {

    @Test
    void adminApiNeedsTheOperatorToken() {
        Http.Response none = http().send("GET", "/admin/v1/stores", null, Map.of());
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("success").asBoolean()).isFalse();
        Http.Response wrong = new Admin(http(), "nope").send("GET", "/admin/v1/stores", null);
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(admin().send("GET", "/admin/v1/stores", null).status()).isEqualTo(200);
    }

    @Test
    void issuedOperatorTokensWork() {
        String token = admin().send("POST", "/admin/v1/operator-tokens", "{\"label\":\"ci\"}").data().get("token").asString();
        assertThat(new Admin(http(), token).send("GET", "/admin/v1/stores", null).status()).isEqualTo(200);
    }

    @Test
    void secretsAreShownOnceAndNeverListed() {
        Http.Response created = admin().send("POST", "/admin/v1/stores",
                "{\"name\":\"Shop\",\"assets\":[\"USDT_TRC20\",\"BTC\"],\"lifetime_seconds\":900}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String secret = created.data().get("api_secret").asString();
        String webhookSecret = created.data().get("webhook_secret").asString();
        assertThat(secret).startsWith("sk_");
        assertThat(webhookSecret).startsWith("whsec_");
        String storeId = created.data().get("store_id").asString();

        Http.Response one = admin().send("GET", "/admin/v1/stores/" + storeId, null);
        assertThat(one.data().get("assets").toString()).isEqualTo("[\"USDT_TRC20\",\"BTC\"]");
        assertThat(one.data().get("lifetime_seconds").asLong()).isEqualTo(900);
        assertThat(one.body()).doesNotContain(secret).doesNotContain(webhookSecret);
        assertThat(admin().send("GET", "/admin/v1/stores", null).body()).doesNotContain(secret);
    }

    @Test
    void rotatedCredentialsReplaceTheOldOnes() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode rotated = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/credentials", "").data();
        assertThat(m.get("/api/v1/merchant/balance").status()).isEqualTo(403);
        Merchant renewed = new Merchant(m.http(), m.storeId(), rotated.get("api_key").asString(),
                rotated.get("api_secret").asString(), clock);
        assertThat(renewed.get("/api/v1/merchant/balance").status()).isEqualTo(200);
    }

    @Test
    void malformedAddressesRejectTheWholeImport() {
        Merchant m = newStore(List.of("USDT_TRC20", "ETH"), 0);
        String good = Admin.addresses("USDT_TRC20", 1).get(0);
        Http.Response r = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/addresses",
                "{\"asset\":\"USDT_TRC20\",\"addresses\":[\"" + good + "\",\"Tnot-an-address\"]}");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.error()).contains("Tnot-an-address");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/addresses?asset=USDT_TRC20", null)
                .data()).isEmpty();

        Http.Response eth = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/addresses",
                "{\"asset\":\"ETH\",\"addresses\":[\"0x12\"]}");
        assertThat(eth.status()).isEqualTo(400);
    }

    @Test
    void importSkipsDuplicates() {
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        String a = Admin.addresses("USDT_TRC20", 1).get(0);
        String body = "{\"asset\":\"USDT_TRC20\",\"addresses\":[\"" + a + "\"]}";
        assertThat(admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/addresses", body).data().get("added").asInt())
                .isEqualTo(1);
        JsonNode again = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/addresses", body).data();
        assertThat(again.get("added").asInt()).isZero();
        assertThat(again.get("total").asInt()).isEqualTo(1);
    }

    @Test
    void badStoreSettingsAre400() {
        for (String body : List.of("{}", "{\"name\":\"\"}", "{\"name\":\"x\",\"assets\":[\"DOGE\"]}",
                "{\"name\":\"x\",\"lifetime_seconds\":5}", "{\"name\":\"x\",\"webhook_url\":\"ftp://x\"}",
                "{\"name\":\"x\",\"pricing_currency\":\"JPY\"}", "not json")) {
            Http.Response r = admin().send("POST", "/admin/v1/stores", body);
            assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
        }
        assertThat(admin().send("GET", "/admin/v1/stores/not-a-uuid", null).status()).isEqualTo(404);
    }

    @Test
    void demoStoreWasCreatedOnFirstStart() {
        JsonNode stores = admin().send("GET", "/admin/v1/stores", null).data();
        JsonNode demo = null;
        for (JsonNode s : stores) {
            if (s.get("name").asString().equals("Demo store")) {
                demo = s;
            }
        }
        assertThat(demo).isNotNull();
        assertThat(demo.get("assets").toString()).isEqualTo("[\"USDT_TRC20\"]");
        JsonNode addresses = admin().send("GET", "/admin/v1/stores/" + demo.get("store_id").asString()
                + "/addresses?asset=USDT_TRC20", null).data();
        assertThat(addresses).hasSize(5);
    }
}
