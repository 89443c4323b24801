package dev.paymux.api.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Payments through third-party providers, end to end through the merchant API: a store handed to a
 * provider instance creates its payment there, the provider's callback arrives at
 * {@code /callbacks/<instance>}, and the payment reaches its final status with the seed's fields. Each
 * provider API is a WireMock server answering as its documentation shows.
 */
class ProviderApiTest extends ApiTest {

    static final WireMockServer SOPRANO = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String SOPRANO_KEY = "soprano-key";
    static final String SOPRANO_SECRET = "soprano-webhook-secret";

    static {
        SOPRANO.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) throws Exception {
        // Its own database: this context runs beside the shared one of the other API tests.
        String dir = Files.createTempDirectory("paymux-provider-pg").toString();
        registry.add("paymux.db.embedded.data-dir", () -> dir);
        String p = "paymux.providers.instances.soprano-test.";
        registry.add(p + "type", () -> "soprano");
        registry.add(p + "base-url", () -> SOPRANO.baseUrl() + "/api/v1");
        registry.add(p + "api-key", () -> SOPRANO_KEY);
        registry.add(p + "merchant-id", () -> "7");
        registry.add(p + "webhook-secret", () -> SOPRANO_SECRET);
        registry.add(p + "read-timeout", () -> "1s");
        registry.add(p + "methods[0].currency", () -> "RUB");
        registry.add(p + "methods[0].min", () -> "100");
        registry.add(p + "methods[0].max", () -> "600000");
        registry.add(p + "methods[0].fees.percent", () -> "2.5");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetStubs() {
        SOPRANO.resetAll();
    }

    @Test
    void aSopranoPaymentIsCreatedThereAndCompletedByItsCallback() {
        Merchant m = providerStore("soprano-test");
        String providerId = "pay_" + UUID.randomUUID().toString().substring(0, 8);
        SOPRANO.stubFor(post(urlPathEqualTo("/api/v1/payment/create")).withHeader("X-API-Key", equalTo(SOPRANO_KEY))
                .willReturn(json(200, """
                        {"id": 1, "merchant_id": 7, "payment_id": "%s", "amount": 1000.0, "currency": "RUB",
                         "status": "pending", "payment_url": "https://payment.example.com/pay/%s"}
                        """.formatted(providerId, providerId))));

        Http.Response created = m.post("/api/v1/payment/create",
                "{\"fiat_amount\":\"1000\",\"fiat_currency\":\"RUB\",\"order_id\":\"SOP-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode p = created.data();
        assertThat(p.get("status").asString()).isEqualTo("pending");
        assertThat(p.get("currency").asString()).isEqualTo("RUB");
        assertThat(p.get("payment_url").asString()).isEqualTo("https://payment.example.com/pay/" + providerId);
        String id = p.get("payment_id").asString();
        SOPRANO.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/payment/create"))
                .withRequestBody(matchingJsonPath("$.order_id", equalTo(id))));

        // The same order id again: the same payment, and no second payment at Soprano.
        Http.Response again = m.post("/api/v1/payment/create",
                "{\"fiat_amount\":\"1000\",\"fiat_currency\":\"RUB\",\"order_id\":\"SOP-1\"}");
        assertThat(again.data().get("payment_id").asString()).isEqualTo(id);
        SOPRANO.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/payment/create")));

        String callback = """
                {"payment_id": "%s", "status": "success", "amount": 1000.0, "currency": "RUB",
                 "timestamp": "2026-11-23T12:00:00Z"}""".formatted(providerId);
        // A forged callback changes nothing.
        Http.Response forged = callback("soprano-test", callback, Map.of("X-Webhook-Secret", "guess"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.body()).doesNotContain("secret");
        assertThat(status(m, id).get("status").asString()).isEqualTo("pending");

        Http.Response ok = callback("soprano-test", callback, Map.of("X-Webhook-Secret", SOPRANO_SECRET));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("completed");
        assertThat(s.get("order_id").asString()).isEqualTo("SOP-1");
        assertThat(s.get("confirmed_at").isNull()).isFalse();
        assertThat(s.get("fiat_amount").decimalValue()).isEqualByComparingTo("1000");

        // A replay is recognised and changes nothing; one webhook event per status change.
        assertThat(callback("soprano-test", callback, Map.of("X-Webhook-Secret", SOPRANO_SECRET)).status()).isEqualTo(200);
        assertThat(jdbc.sql("select type from webhook_events where payment_id = :p order by seq")
                .param("p", UUID.fromString(id)).query(String.class).list()).containsExactly("payment.completed");
        assertThat(jdbc.sql("select count(*) from provider_callbacks where instance = 'soprano-test' and verified")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("select count(*) from provider_callbacks where instance = 'soprano-test' and not verified")
                .query(Long.class).single()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCallbackForAPaymentPaymuxDoesNotKnowIsStoredAndAnsweredWithoutDetails() {
        String body = """
                {"payment_id": "pay_nobody", "status": "success", "amount": 5.0, "currency": "RUB",
                 "timestamp": "2026-11-23T12:00:00Z"}""";
        Http.Response r = callback("soprano-test", body, Map.of("X-Webhook-Secret", SOPRANO_SECRET));
        assertThat(r.status()).isEqualTo(200);
        assertThat(jdbc.sql("select outcome from provider_callbacks where external_id = 'pay_nobody'")
                .query(String.class).list()).contains("unknown-payment");
        assertThat(callback("nowhere", body, Map.of()).status()).isEqualTo(404);
    }

    @Test
    void aProviderThatIsDownFailsFastOpensItsCircuitAndShowsInHealth() {
        Merchant m = providerStore("soprano-test");
        SOPRANO.stubFor(post(urlPathEqualTo("/api/v1/payment/create"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        SOPRANO.stubFor(get(urlPathEqualTo("/api/v1/health")).willReturn(aResponse().withStatus(500)));
        for (int i = 0; i < 12; i++) {
            Http.Response r = m.post("/api/v1/payment/create", "{\"fiat_amount\":\"500\",\"fiat_currency\":\"RUB\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(503);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isEqualTo("the payment provider is unavailable, please retry later");
        }
        int calls = SOPRANO.findAll(postRequestedFor(urlPathEqualTo("/api/v1/payment/create"))).size();
        assertThat(calls).as("the circuit opened and later creates did not reach Soprano").isLessThan(12);
        assertThat(jdbc.sql("select count(*) from payments where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single()).isZero();

        Http.Response health = http().get("/actuator/health");
        assertThat(health.json().at("/components/providers/components/soprano-test/status").asString())
                .as(health.body()).isEqualTo("DOWN");
    }

    private Merchant providerStore(String instance) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/provider",
                "{\"instance\":\"" + instance + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return m;
    }

    private Http.Response callback(String instance, String body, Map<String, String> headers) {
        Map<String, String> h = new java.util.HashMap<>(headers);
        h.put("Content-Type", "application/json");
        return http().send("POST", "/callbacks/" + instance, body.getBytes(StandardCharsets.UTF_8), h);
    }

    private JsonNode status(Merchant m, String id) {
        Http.Response r = m.get("/api/v1/payment/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
