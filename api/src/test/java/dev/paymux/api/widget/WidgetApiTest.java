package dev.paymux.api.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The payment widget's public create endpoint: only the store's allowed origins, by CORS and by the Origin
 * check; payments marked as made by the widget; order ids and amounts it cannot take over; limits per
 * store and per client.
 */
class WidgetApiTest extends ApiTest {

    private static final String SHOP = "https://shop.example";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    JdbcClient jdbc;

    @Test
    void originsAreSetNormalizedAndReadBack() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response put = putOrigins(m, "[\"HTTPS://Shop.Example:443/\",\"http://127.0.0.1:8081\",\"https://shop.example\"]");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.data().get("allowed_origins").toString())
                .isEqualTo("[\"http://127.0.0.1:8081\",\"https://shop.example\"]");
        assertThat(put.data().get("enabled").asBoolean()).isTrue();
        Http.Response get = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/widget", null);
        assertThat(get.data().get("allowed_origins").toString()).isEqualTo(put.data().get("allowed_origins").toString());

        Http.Response off = putOrigins(m, "[]");
        assertThat(off.data().get("enabled").asBoolean()).isFalse();
        assertThat(originCount(m)).isZero();
    }

    @Test
    void anOriginWithAPathOrAnotherSchemeIsRefusedAndNothingChanges() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        for (String bad : List.of("[\"https://shop.example/checkout\"]", "[\"ftp://shop.example\"]", "[\"shop.example\"]",
                "[\"https://user@shop.example\"]", "[\"https://shop.example?x=1\"]", "[42]", "\"https://shop.example\"",
                "[\"https://a.example\",\"javascript:alert(1)\"]")) {
            Http.Response r = putOrigins(m, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).contains("allowed_origins");
        }
        StringBuilder many = new StringBuilder("[");
        for (int i = 0; i < 21; i++) {
            many.append(i == 0 ? "" : ",").append("\"https://s").append(i).append(".example\"");
        }
        assertThat(putOrigins(m, many.append("]").toString()).status()).isEqualTo(400);
        assertThat(originCount(m)).isEqualTo(1);
    }

    @Test
    void thePreflightIsAllowedForTheStoresOriginsOnly() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        Http.Response ok = preflight(m.apiKey(), SHOP);
        assertThat(ok.status()).isEqualTo(204);
        assertThat(ok.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(ok.header("Access-Control-Allow-Methods")).isEqualTo("POST");
        assertThat(ok.header("Access-Control-Allow-Headers")).containsIgnoringCase("content-type");

        for (Http.Response refused : List.of(preflight(m.apiKey(), "https://evil.example"),
                preflight(m.apiKey(), "null"), preflight("no-such-key", SHOP))) {
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.header("Access-Control-Allow-Origin")).isNull();
        }
    }

    @Test
    void anAllowedPageCreatesAWidgetPayment() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        Http.Response r = create(m.apiKey(), SHOP, client(), "{\"amount\":100.00,\"order_id\":\"W-1\",\"currency\":\"USDT_TRC20\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(r.header("Vary")).contains("Origin");
        String id = r.data().get("payment_id").asString();
        assertThat(r.data().get("payment_url").asString()).endsWith("/pay/" + id);

        Http.Response seen = m.get("/api/v1/payment/" + id);
        assertThat(seen.data().get("source").asString()).isEqualTo("widget");
        assertThat(seen.data().get("order_id").asString()).isEqualTo("W-1");
        assertThat(seen.data().get("status").asString()).isEqualTo("pending");
        Http.Response api = m.post("/api/v1/payment/create", "{\"amount\":\"5\",\"order_id\":\"A-1\"}");
        assertThat(m.get("/api/v1/payment/" + api.data().get("payment_id").asString()).data().get("source").asString())
                .isEqualTo("api");

        // A repeat with the same order and amount is the same payment (a double click, a reload).
        Http.Response again = create(m.apiKey(), SHOP, client(), "{\"amount\":\"100\",\"order_id\":\"W-1\",\"currency\":\"USDT_TRC20\"}");
        assertThat(again.data().get("payment_id").asString()).isEqualTo(id);
    }

    @Test
    void aPageOfAnotherOriginOrNoOriginCannotCreate() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        for (String origin : new String[] {"https://evil.example", "https://shop.example.evil.test", "null", null}) {
            Http.Response r = create(m.apiKey(), origin, client(), "{\"amount\":\"10\",\"order_id\":\"X\"}");
            assertThat(r.status()).as(origin + " -> " + r.body()).isEqualTo(403);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.header("Access-Control-Allow-Origin")).isNull();
        }
        // A store with no allowed origins has widget payments turned off.
        Merchant off = newStore(List.of("USDT_TRC20"), 1);
        assertThat(create(off.apiKey(), SHOP, client(), "{\"amount\":\"10\"}").status()).isEqualTo(403);
        assertThat(create("no-such-key", SHOP, client(), "{\"amount\":\"10\"}").status()).isEqualTo(404);
        assertThat(paymentsOf(m)).isZero();
        assertThat(paymentsOf(off)).isZero();
    }

    @Test
    void badInputIsARefusalThePageCanRead() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        for (String body : List.of("{\"amount\":\"-5\"}", "{\"amount\":\"ten\"}", "{}", "{\"amount\":\"1\",\"currency\":\"DOGE\"}",
                "not json", "{\"fiat_amount\":\"10\",\"fiat_currency\":\"XXX\"}")) {
            Http.Response r = create(m.apiKey(), SHOP, client(), body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        }
        assertThat(paymentsOf(m)).isZero();
    }

    @Test
    void aWidgetCannotTakeOverAnOrderOrChangeItsAmount() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        Http.Response api = m.post("/api/v1/payment/create", "{\"amount\":\"50\",\"order_id\":\"ORDER-9\"}");
        assertThat(api.status()).isEqualTo(200);
        Http.Response claim = create(m.apiKey(), SHOP, client(), "{\"amount\":\"0.01\",\"order_id\":\"ORDER-9\"}");
        assertThat(claim.status()).as(claim.body()).isEqualTo(409);
        assertThat(claim.error()).contains("ORDER-9");

        assertThat(create(m.apiKey(), SHOP, client(), "{\"amount\":\"80\",\"order_id\":\"W-2\"}").status()).isEqualTo(200);
        Http.Response cheaper = create(m.apiKey(), SHOP, client(), "{\"amount\":\"1\",\"order_id\":\"W-2\"}");
        assertThat(cheaper.status()).as(cheaper.body()).isEqualTo(409);
        assertThat(cheaper.error()).contains("another amount");
        assertThat(paymentsOf(m)).isEqualTo(2);
    }

    @Test
    void oneClientIsLimitedAtAStoreAndOthersAreNot() {
        // Refills follow the clock: stopped, a slow machine cannot refill a bucket during the test.
        clock.freeze();
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        String client = client();
        for (int i = 0; i < 10; i++) {
            assertThat(create(m.apiKey(), SHOP, client, "{\"amount\":\"" + (i + 1) + "\"}").status()).isEqualTo(200);
        }
        Http.Response limited = create(m.apiKey(), SHOP, client, "{\"amount\":\"11\"}");
        assertThat(limited.status()).as(limited.body()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("too many payments from this address; try again later");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("Access-Control-Allow-Origin")).isEqualTo(SHOP);
        assertThat(limited.header("Access-Control-Expose-Headers")).contains("Retry-After");
        assertThat(paymentsOf(m)).isEqualTo(10);

        // Another visitor is not held up, and the limited one may ask again once the wait is over.
        assertThat(create(m.apiKey(), SHOP, client(), "{\"amount\":\"12\"}").status()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))));
        assertThat(create(m.apiKey(), SHOP, client, "{\"amount\":\"13\"}").status()).isEqualTo(200);
    }

    @Test
    void aStoreIsLimitedAcrossClientsWithoutHoldingUpAnotherStore() {
        // Refills follow the clock: stopped, a slow machine cannot refill a bucket during the test.
        clock.freeze();
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Merchant other = newStore(List.of("USDT_TRC20"), 1);
        putOrigins(m, "[\"" + SHOP + "\"]");
        putOrigins(other, "[\"" + SHOP + "\"]");
        for (int i = 0; i < 60; i++) {
            Http.Response r = create(m.apiKey(), SHOP, client(), "{\"amount\":\"" + (i + 1) + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Http.Response limited = create(m.apiKey(), SHOP, client(), "{\"amount\":\"61\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("too many widget payments for this store; try again later");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(paymentsOf(m)).isEqualTo(60);
        assertThat(create(other.apiKey(), SHOP, client(), "{\"amount\":\"1\"}").status()).isEqualTo(200);
    }

    @Test
    void oneClientsDonationsAreLimitedPerStore() {
        // Refills follow the clock: stopped, a slow machine cannot refill a bucket during the test.
        clock.freeze();
        Merchant m = newStore(List.of("USDT_TRC20"), 20);
        assertThat(admin().send("PATCH", "/admin/v1/stores/" + m.storeId(), "{\"donations_enabled\":true}").status())
                .isEqualTo(200);
        String client = client();
        for (int i = 0; i < 10; i++) {
            Http.Response r = donate(m, client, i + 1);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Http.Response limited = donate(m, client, 11);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.error()).isEqualTo("too many donations from this address; try again later");
        assertThat(limited.header("Retry-After")).isNotNull();
        assertThat(paymentsOf(m)).isEqualTo(10);
        assertThat(donate(m, client(), 12).status()).isEqualTo(200);
    }

    private Http.Response donate(Merchant m, String client, int amount) {
        String body = "{\"api_key\":\"" + m.apiKey() + "\",\"amount\":\"" + amount + "\",\"currency\":\"USDT_TRC20\"}";
        return http().send("POST", "/donate/create", body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Forwarded-For", client));
    }

    private Http.Response putOrigins(Merchant m, String list) {
        return admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/widget", "{\"allowed_origins\":" + list + "}");
    }

    private Http.Response preflight(String apiKey, String origin) {
        return http().send("OPTIONS", "/widget/v1/stores/" + apiKey + "/payments", null, Map.of("Origin", origin,
                "Access-Control-Request-Method", "POST", "Access-Control-Request-Headers", "content-type"));
    }

    private Http.Response create(String apiKey, String origin, String client, String body) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("X-Forwarded-For", client);
        if (origin != null) {
            headers.put("Origin", origin);
        }
        return http().send("POST", "/widget/v1/stores/" + apiKey + "/payments", body.getBytes(StandardCharsets.UTF_8),
                headers);
    }

    /** A new visitor's address (forwarded, as behind a reverse proxy). */
    private static String client() {
        int n = CLIENTS.incrementAndGet();
        return "198.19." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private long paymentsOf(Merchant m) {
        return jdbc.sql("select count(*) from payments where store_id = :s").param("s", UUID.fromString(m.storeId()))
                .query(Long.class).single();
    }

    private long originCount(Merchant m) {
        return jdbc.sql("select count(*) from store_widget_origins where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single();
    }
}
