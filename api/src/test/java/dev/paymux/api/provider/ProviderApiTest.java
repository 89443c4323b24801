package dev.paymux.api.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Payments through third-party providers, end to end through the merchant API: a store handed to a
 * provider instance creates its payment there, the provider's callback arrives at
 * {@code /callbacks/<instance>}, and the payment reaches its final status with the seed's fields. Each
 * provider API is a WireMock server answering as its documentation shows.
 */
// Its own database server: the context is closed after the class, while that server still runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProviderApiTest extends ApiTest {

    static final WireMockServer SOPRANO = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String SOPRANO_KEY = "soprano-key";
    static final String SOPRANO_SECRET = "soprano-webhook-secret";

    static final WireMockServer CRYPTOMUS = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .globalTemplating(true));
    static final String CRYPTOMUS_KEY = "cryptomus-payment-key";
    static final WireMockServer EXCHANGER = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final String IPN_SECRET = "exchanger-ipn-secret";
    static final String CARD_ROUTE = "5f1a000000000000000000a1";

    static final EmbeddedPostgres DATABASE = startDatabase();

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static {
        SOPRANO.start();
        CRYPTOMUS.start();
        EXCHANGER.start();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) throws Exception {
        // Its own database server: this context runs beside the shared one of the other API tests.
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + DATABASE.getPort() + "/postgres");
        String p = "paymux.providers.instances.soprano-test.";
        registry.add(p + "type", () -> "soprano");
        registry.add(p + "base-url", () -> SOPRANO.baseUrl() + "/api/v1");
        registry.add(p + "api-key", () -> SOPRANO_KEY);
        registry.add(p + "merchant-id", () -> "7");
        registry.add(p + "webhook-secret", () -> SOPRANO_SECRET);
        registry.add(p + "read-timeout", () -> "5s");
        registry.add(p + "methods[0].currency", () -> "RUB");
        registry.add(p + "methods[0].min", () -> "100");
        registry.add(p + "methods[0].max", () -> "600000");
        registry.add(p + "methods[0].fees.percent", () -> "2.5");
        String c = "paymux.providers.instances.cryptomus-test.";
        registry.add(c + "type", () -> "cryptomus");
        registry.add(c + "base-url", CRYPTOMUS::baseUrl);
        registry.add(c + "merchant-id", () -> "8b03432e-385b-4670-8d06-064591096795");
        registry.add(c + "api-key", () -> CRYPTOMUS_KEY);
        // One attempt per call, and a circuit that the failures provoked below never open; the window comes
        // from the shared defaults, which the other instances take too.
        registry.add(c + "retry.max-attempts", () -> "1");
        registry.add(c + "read-timeout", () -> "5s");
        registry.add(c + "circuit-breaker.minimum-calls", () -> "50");
        registry.add("paymux.providers.defaults.circuit-breaker.sliding-window", () -> "50");
        String e = "paymux.providers.instances.exchanger-test.";
        registry.add(e + "type", () -> "exchanger");
        registry.add(e + "base-url", EXCHANGER::baseUrl);
        registry.add(e + "ipn-secret", () -> IPN_SECRET);
        registry.add(e + "routes[0].route-id", () -> CARD_ROUTE);
        registry.add(e + "routes[0].from", () -> "CARDRUB");
        registry.add(e + "routes[0].to", () -> "USDTTRC20");
        registry.add(e + "routes[0].min", () -> "500");
        registry.add(e + "routes[0].max", () -> "300000");
        registry.add(e + "routes[0].fees.percent", () -> "3");
        registry.add("paymux.providers.reconcile-interval", () -> "1m");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reconciler reconciler;

    @BeforeEach
    void resetStubs() {
        SOPRANO.resetAll();
        CRYPTOMUS.resetAll();
        EXCHANGER.resetAll();
        // A provider whose health check fails is not offered new payments.
        SOPRANO.stubFor(get(urlPathEqualTo("/api/v1/health")).willReturn(json(200, "{\"status\": \"ok\"}")));
    }

    @Test
    void aCryptomusPaymentIsCreatedSignedAndCompletedByItsSignedCallback() {
        Merchant m = providerStore("cryptomus-test");
        String uuid = UUID.randomUUID().toString();
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment"))
                .withHeader("merchant", equalTo("8b03432e-385b-4670-8d06-064591096795"))
                .withHeader("sign", matching("[0-9a-f]{32}"))
                .willReturn(json(200, """
                        {"state": 0, "result": {"uuid": "%s", "order_id": "{{jsonPath request.body '$.order_id'}}",
                         "amount": "25.00", "payer_amount": "25.00000000", "payer_currency": "USDT", "currency": "USDT",
                         "network": "tron", "address": "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "txid": null,
                         "payment_status": "check", "url": "https://pay.cryptomus.com/pay/%s", "expired_at": 4102444800,
                         "status": "check", "is_final": false}}""".formatted(uuid, uuid))
                        .withTransformers("response-template")));
        Http.Response created = m.post("/api/v1/payment/create", "{\"amount\":\"25\",\"order_id\":\"CRY-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode p = created.data();
        String id = p.get("payment_id").asString();
        assertThat(p.get("status").asString()).isEqualTo("pending");
        assertThat(p.get("pay_address").asString()).isEqualTo("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf");
        assertThat(p.get("payment_url").asString()).isEqualTo("https://pay.cryptomus.com/pay/" + uuid);
        // The create request is signed over exactly the bytes sent: md5(base64(body) + key), "/" escaped.
        var sent = CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/payment"))).get(0);
        assertThat(sent.getHeader("sign")).isEqualTo(md5(sent.getBody(), CRYPTOMUS_KEY));
        assertThat(sent.getBodyAsString()).contains("\"order_id\":\"" + id + "\"").contains("https:\\/\\/");

        String unsigned = "{\"type\":\"payment\",\"uuid\":\"" + uuid + "\",\"order_id\":\"" + id + "\",\"amount\":\"25.00\","
                + "\"payment_amount\":\"25.00000000\",\"merchant_amount\":\"24.50\",\"is_final\":true,\"status\":\"paid\","
                + "\"network\":\"tron\",\"currency\":\"USDT\",\"payer_currency\":\"USDT\","
                + "\"additional_data\":\"Caf\u00e9 https:\\/\\/shop.example\\/orders\\/7\",\"txid\":\"ab12cd\"}";
        String signedBody = unsigned.substring(0, unsigned.length() - 1) + ",\"sign\":\""
                + md5(unsigned.getBytes(StandardCharsets.UTF_8), CRYPTOMUS_KEY) + "\"}";
        Http.Response ok = callback("cryptomus-test", signedBody, Map.of());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("completed");
        assertThat(s.get("tx_hash").asString()).isEqualTo("ab12cd");
        assertThat(s.get("amount_received").decimalValue()).isEqualByComparingTo("25");
        JsonNode balance = m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");
        assertThat(balance.get("available").decimalValue()).isEqualByComparingTo("25");

        String forged = signedBody.replace("\"paid\"", "\"paid_over\"");
        assertThat(callback("cryptomus-test", forged, Map.of()).status()).isEqualTo(400);
        assertThat(status(m, id).get("status").asString()).isEqualTo("completed");
    }

    @Test
    void aRetryAfterATimeoutAtThePinnedProviderResumesTheSamePaymentWithTheSameReference() {
        Merchant m = providerStore("cryptomus-test");
        String uuid = UUID.randomUUID().toString();
        String invoice = """
                {"state": 0, "result": {"uuid": "%s", "order_id": "{{jsonPath request.body '$.order_id'}}",
                 "amount": "25.00", "payer_amount": "25.00000000", "payer_currency": "USDT", "currency": "USDT",
                 "network": "tron", "address": "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "txid": null,
                 "payment_status": "check", "url": "https://pay.cryptomus.com/pay/%s", "expired_at": 4102444800,
                 "status": "check", "is_final": false}}""".formatted(uuid, uuid);
        // Cryptomus makes the invoice, but its answer comes long after the adapter's 5 s read timeout
        // (not less: on a busy machine a quick stub can take over a second to answer).
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment"))
                .willReturn(json(200, invoice).withFixedDelay(20_000).withTransformers("response-template")));
        String body = "{\"amount\":\"25\",\"order_id\":\"CRY-TIMEOUT\"}";
        Http.Response first = m.post("/api/v1/payment/create", body);
        assertThat(first.status()).as(first.body()).isEqualTo(503);
        assertThat(first.header("Retry-After")).isNotNull();
        assertThat(first.error()).isEqualTo("the payment provider is unavailable, please retry later");

        // The merchant retries; Cryptomus answers an order_id it knows with that invoice, as documented.
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment"))
                .willReturn(json(200, invoice).withTransformers("response-template")));
        Http.Response again = m.post("/api/v1/payment/create", body);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        String id = again.data().get("payment_id").asString();
        assertThat(again.data().get("status").asString()).isEqualTo("pending");
        assertThat(again.data().get("payment_url").asString()).isEqualTo("https://pay.cryptomus.com/pay/" + uuid);

        // Both calls asked for the same payment, so Cryptomus holds one invoice, and Paymux one payment.
        List<String> references = CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/payment"))).stream()
                .map(r -> json.readTree(r.getBodyAsString()).get("order_id").asString()).toList();
        assertThat(references).hasSize(2).containsOnly(id);
        assertThat(jdbc.sql("select count(*) from payments where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select external_id from provider_payments where payment_id = :p")
                .param("p", UUID.fromString(id)).query(String.class).list()).containsExactly(uuid);
        assertThat(jdbc.sql("select outcome from route_attempts where payment_id = :p order by id")
                .param("p", UUID.fromString(id)).query(String.class).list()).containsExactly("abandoned", "created");
    }

    @Test
    void anExchangerOrderIsPolledToCompletionWhenItsOneIpnIsLost() {
        Merchant m = providerStore("exchanger-test");
        EXCHANGER.stubFor(post(urlPathEqualTo("/public/exchanger/order/create")).willReturn(json(200, """
                {"order": {"_id": "ord-1", "uid": 4242, "secret": "s3cr3t", "status": "new", "inAmount": 5000,
                 "outAmount": 52.37, "route": {"routeId": "%s", "from": {"xml": "CARDRUB", "symbol": "RUB"},
                 "to": {"xml": "USDTTRC20", "symbol": "USDT"}}}}""".formatted(CARD_ROUTE))));
        Http.Response created = m.post("/api/v1/payment/create",
                "{\"fiat_amount\":\"5000\",\"fiat_currency\":\"RUB\",\"order_id\":\"EXC-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.data().get("payment_id").asString();
        assertThat(created.data().get("status").asString()).isEqualTo("pending");

        // The IPN never arrives; the reconciler asks once the check is due.
        EXCHANGER.stubFor(get(urlPathEqualTo("/public/exchanger/order/get")).willReturn(json(200, """
                {"order": {"_id": "ord-1", "uid": 4242, "secret": "s3cr3t", "status": "done", "inAmount": 5000,
                 "outAmount": 52.37, "route": {"routeId": "%s", "from": {"xml": "CARDRUB", "symbol": "RUB"},
                 "to": {"xml": "USDTTRC20", "symbol": "USDT"}}}, "verifications": {}}""".formatted(CARD_ROUTE))));
        reconciler.handle(clock.instant(), null);
        assertThat(status(m, id).get("status").asString()).as("not due yet").isEqualTo("pending");
        clock.advance(Duration.ofMinutes(2));
        reconciler.handle(clock.instant(), null);
        assertThat(status(m, id).get("status").asString()).isEqualTo("completed");
        // A final payment is not asked about again.
        int asked = EXCHANGER.findAll(getRequestedFor(urlPathEqualTo("/public/exchanger/order/get"))).size();
        clock.advance(Duration.ofMinutes(5));
        reconciler.handle(clock.instant(), null);
        assertThat(EXCHANGER.findAll(getRequestedFor(urlPathEqualTo("/public/exchanger/order/get")))).hasSize(asked);
    }

    private static String md5(byte[] json, String key) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String base64 = Base64.getEncoder().encodeToString(json);
            return HexFormat.of().formatHex(md5.digest((base64 + key).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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

        // The operator sees it, and the rejected ones, without the bodies.
        Http.Response unknown = admin().send("GET",
                "/admin/v1/providers/callbacks?instance=soprano-test&outcome=unknown-payment", null);
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(200);
        assertThat(unknown.data().get(0).get("external_id").asString()).isEqualTo("pay_nobody");
        assertThat(unknown.body()).doesNotContain(SOPRANO_SECRET);
        assertThat(admin().send("GET", "/admin/v1/providers/callbacks?outcome=lost", null).status()).isEqualTo(400);
        assertThat(admin().send("GET", "/admin/v1/providers/callbacks?limit=0", null).status()).isEqualTo(400);
    }

    @Test
    void aCallbackWithANulByteIsRecordedWithItsBytesAndAnswered4xxForEveryProvider() {
        for (String instance : List.of("native", "soprano-test", "cryptomus-test", "exchanger-test")) {
            long before = callbackCount(instance);
            byte[] body = ("{\"payment_id\": \"pay_nul\u0000x\", \"status\": \"success\"}")
                    .getBytes(StandardCharsets.UTF_8);
            Http.Response r = http().send("POST", "/callbacks/" + instance, body,
                    Map.of("Content-Type", "application/json", "X-Webhook-Secret", SOPRANO_SECRET));
            assertThat(r.status()).as(instance + " -> " + r.body()).isBetween(400, 499);
            assertThat(callbackCount(instance)).as(instance).isEqualTo(before + 1);
            byte[] stored = jdbc.sql("select raw_body from provider_callbacks where instance = :i order by id desc limit 1")
                    .param("i", instance).query(byte[].class).single();
            assertThat(stored).as(instance).isEqualTo(body);
        }
    }

    @Test
    void aVerifiedCallbackCarryingAnEscapedNulIsRecordedAndRefused() {
        long before = callbackCount("soprano-test");
        String body = """
                {"payment_id": "pay_\\u0000x", "status": "success", "amount": 5.0, "currency": "RUB",
                 "timestamp": "2026-11-23T12:00:00Z"}""";
        Http.Response r = callback("soprano-test", body, Map.of("X-Webhook-Secret", SOPRANO_SECRET));
        assertThat(r.status()).as(r.body()).isBetween(400, 499);
        assertThat(callbackCount("soprano-test")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select outcome from provider_callbacks where instance = 'soprano-test' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("rejected");
    }

    private long callbackCount(String instance) {
        return jdbc.sql("select count(*) from provider_callbacks where instance = :i").param("i", instance)
                .query(Long.class).single();
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
        assertThat(calls).as("the circuit opened and later creates did not reach Soprano").isBetween(1, 11);
        // Each call that reached Soprano left its payment queued (its outcome is unknown, so it is never
        // linked); once the circuit was open, nothing more was written.
        assertThat(jdbc.sql("select count(*) from payments where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single()).isEqualTo(calls);
        assertThat(jdbc.sql("""
                select count(*) from payments p where p.store_id = :s
                 and (p.status <> 'queued' or exists (select 1 from provider_payments l where l.payment_id = p.id))
                """).param("s", UUID.fromString(m.storeId())).query(Long.class).single()).isZero();

        Http.Response health = http().get("/actuator/health");
        assertThat(health.json().at("/components/providers/components/soprano-test/status").asString())
                .as(health.body()).isEqualTo("DOWN");
    }

    @Test
    void theProviderListShowsEachInstancesOperatorActions() {
        Http.Response r = admin().send("GET", "/admin/v1/providers", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, List<String>> actions = new java.util.HashMap<>();
        for (JsonNode i : r.data()) {
            List<String> names = new java.util.ArrayList<>();
            i.get("actions").forEach(a -> names.add(a.asString()));
            actions.put(i.get("instance").asString(), names);
        }
        assertThat(actions).containsEntry("cryptomus-test", List.of("test-webhook", "resend"))
                .containsEntry("soprano-test", List.of()).containsEntry("exchanger-test", List.of());
    }

    @Test
    void anOperatorSendsASignedCryptomusTestWebhookToTheInstancesCallbackAddress() {
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/test-webhook/payment"))
                .willReturn(json(200, "{\"state\": 0, \"result\": []}")));
        Http.Response r = action("cryptomus-test", "test-webhook", "{\"asset\": \"USDT_TRC20\", \"status\": \"paid\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("summary").asString()).contains("accepted the test webhook");
        assertThat(r.data().at("/details/url_callback").asString())
                .isEqualTo("https://pay.example.test/callbacks/cryptomus-test");
        assertThat(r.body()).doesNotContain(CRYPTOMUS_KEY);

        var sent = CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/test-webhook/payment"))).get(0);
        assertThat(sent.getHeader("merchant")).isEqualTo("8b03432e-385b-4670-8d06-064591096795");
        assertThat(sent.getHeader("sign")).isEqualTo(md5(sent.getBody(), CRYPTOMUS_KEY));
        assertThat(sent.getBodyAsString()).isEqualTo("{\"url_callback\":\"https:\\/\\/pay.example.test\\/callbacks"
                + "\\/cryptomus-test\",\"currency\":\"USDT\",\"network\":\"tron\",\"status\":\"paid\"}");
    }

    @Test
    void anOperatorHasCryptomusResendAPaymentsLastWebhookByItsPaymuxId() {
        Merchant m = providerStore("cryptomus-test");
        String uuid = UUID.randomUUID().toString();
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(json(200, """
                {"state": 0, "result": {"uuid": "%s", "order_id": "{{jsonPath request.body '$.order_id'}}",
                 "amount": "25.00", "payer_amount": "25.00000000", "payer_currency": "USDT", "currency": "USDT",
                 "network": "tron", "address": "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "txid": null,
                 "payment_status": "check", "url": "https://pay.cryptomus.com/pay/%s", "expired_at": 4102444800,
                 "status": "check", "is_final": false}}""".formatted(uuid, uuid)).withTransformers("response-template")));
        Http.Response created = m.post("/api/v1/payment/create", "{\"amount\":\"25\",\"order_id\":\"RES-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.data().get("payment_id").asString();
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment/resend")).willReturn(json(200, "{\"state\": 0, \"result\": []}")));

        Http.Response byPayment = action("cryptomus-test", "resend", "{\"payment_id\": \"" + id + "\"}");
        assertThat(byPayment.status()).as(byPayment.body()).isEqualTo(200);
        assertThat(byPayment.data().at("/details/uuid").asString()).isEqualTo(uuid);
        Http.Response byOrder = action("cryptomus-test", "resend", "{\"order_id\": \"" + id + "\"}");
        assertThat(byOrder.status()).as(byOrder.body()).isEqualTo(200);

        var sent = CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/payment/resend")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).getBodyAsString()).isEqualTo("{\"uuid\":\"" + uuid + "\"}");
        assertThat(sent.get(1).getBodyAsString()).isEqualTo("{\"order_id\":\"" + id + "\"}");
        for (var request : sent) {
            assertThat(request.getHeader("merchant")).isEqualTo("8b03432e-385b-4670-8d06-064591096795");
            assertThat(request.getHeader("sign")).isEqualTo(md5(request.getBody(), CRYPTOMUS_KEY));
        }
    }

    @Test
    void badOperatorActionsAre4xxAndReachNoProvider() {
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment/resend")).willReturn(json(200, "{\"state\": 0, \"result\": []}")));
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/test-webhook/payment"))
                .willReturn(json(200, "{\"state\": 0, \"result\": []}")));
        assertActionError(action("nowhere", "resend", "{}"), 404, "no provider instance");
        assertActionError(action("cryptomus-test", "refund", "{}"), 404, "no action 'refund'");
        assertActionError(action("soprano-test", "resend", "{}"), 404, "no action");
        assertActionError(action("cryptomus-test", "resend", "{}"), 400, "is required");
        assertActionError(action("cryptomus-test", "resend", "[]"), 400, "JSON object");
        assertActionError(action("cryptomus-test", "resend", "{\"order_id\": 5}"), 400, "must be a string");
        assertActionError(action("cryptomus-test", "resend", "{\"Order-Id\": \"x\"}"), 400, "parameter names");
        assertActionError(action("cryptomus-test", "resend", "{\"order_id\": \"a b\"}"), 400, "order_id must be");
        assertActionError(action("cryptomus-test", "resend", "{\"payment_id\": \"nope\"}"), 400, "payment_id");
        assertActionError(action("cryptomus-test", "resend", "{\"payment_id\": \"" + UUID.randomUUID() + "\"}"),
                400, "held by a provider");
        assertActionError(action("cryptomus-test", "test-webhook", "{\"asset\": \"DOGE\"}"), 400, "asset");
        assertActionError(action("cryptomus-test", "test-webhook", "{\"asset\": \"BTC\", \"status\": \"won\"}"),
                400, "status must be one of");
        assertActionError(action("cryptomus-test", "test-webhook", "{\"asset\": \"BTC\", \"url\": \"x\"}"),
                400, "unknown parameter 'url'");
        assertThat(CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/payment/resend")))).isEmpty();
        assertThat(CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/test-webhook/payment")))).isEmpty();
        // Without the operator's token, nothing at all.
        Http.Response anonymous = http().send("POST", "/admin/v1/providers/cryptomus-test/actions/resend",
                "{\"order_id\": \"x\"}".getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
        assertThat(anonymous.status()).isEqualTo(401);
    }

    @Test
    void aFailingProviderIs5xxAndARefusal422WithoutSecrets() {
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment/resend")).willReturn(aResponse().withStatus(500)
                .withHeader("Content-Type", "application/json").withBody("{\"message\": \"Server error, #1\"}")));
        assertActionError(action("cryptomus-test", "resend", "{\"order_id\": \"ord-1\"}"), 503, "unavailable");
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment/resend")).willReturn(json(200, "{\"unexpected\": true}")));
        assertActionError(action("cryptomus-test", "resend", "{\"order_id\": \"ord-1\"}"), 502, "unreadably");
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment/resend"))
                .willReturn(json(422, "{\"state\": 1, \"message\": \"Payment not found\"}")));
        assertActionError(action("cryptomus-test", "resend", "{\"order_id\": \"ord-1\"}"), 422, "Payment not found");
    }

    private Http.Response action(String instance, String action, String body) {
        return admin().send("POST", "/admin/v1/providers/" + instance + "/actions/" + action, body);
    }

    private static void assertActionError(Http.Response r, int status, String text) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).contains(text).doesNotContain(CRYPTOMUS_KEY);
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
