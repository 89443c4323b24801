package dev.paymux.api.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.providers.ProviderPayments;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The ledger sees every provider payment: a Soprano card payment in RUB, completed, under- or overpaid by
 * its callback, posts balanced entries in RUB once, held by the Soprano instance, and racing callbacks end
 * in one state that the payment, the stored provider status, the journal and a later poll agree on. Real
 * gateway, real PostgreSQL, Soprano as a WireMock server.
 */
// Its own database server: the context is closed after the class, while that server still runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProviderLedgerTest extends ApiTest {

    static final String INSTANCE = "soprano-ledger";
    static final String SECRET = "soprano-ledger-webhook-secret";
    static final WireMockServer SOPRANO = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final WireMockServer CRYPTOMUS = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .globalTemplating(true));
    static final String CRYPTOMUS_KEY = "cryptomus-ledger-key";
    static final EmbeddedPostgres DATABASE = startDatabase();

    static {
        SOPRANO.start();
        CRYPTOMUS.start();
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void soprano(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + DATABASE.getPort() + "/postgres");
        String p = "paymux.providers.instances." + INSTANCE + ".";
        registry.add(p + "type", () -> "soprano");
        registry.add(p + "base-url", () -> SOPRANO.baseUrl() + "/api/v1");
        registry.add(p + "api-key", () -> "soprano-ledger-key");
        registry.add(p + "merchant-id", () -> "7");
        registry.add(p + "webhook-secret", () -> SECRET);
        registry.add(p + "methods[0].currency", () -> "RUB");
        registry.add(p + "methods[0].min", () -> "100");
        registry.add(p + "methods[0].max", () -> "600000");
        registry.add(p + "methods[0].fees.percent", () -> "2.5");
        String c = "paymux.providers.instances.cryptomus-ledger.";
        registry.add(c + "type", () -> "cryptomus");
        registry.add(c + "base-url", CRYPTOMUS::baseUrl);
        registry.add(c + "merchant-id", () -> "8b03432e-385b-4670-8d06-064591096795");
        registry.add(c + "api-key", () -> CRYPTOMUS_KEY);
        registry.add("paymux.providers.reconcile-interval", () -> "1m");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Reconciler reconciler;

    @Autowired
    ProviderPayments links;

    @BeforeEach
    void resetStubs() {
        SOPRANO.resetAll();
        CRYPTOMUS.resetAll();
        // A provider whose health check fails is not offered new payments.
        SOPRANO.stubFor(get(urlPathEqualTo("/api/v1/health")).willReturn(json("{\"status\": \"ok\"}")));
    }

    @Test
    void aRubPaymentCompletedByCallbackShowsInTheBalanceHeldBySopranoAndIsPostedOnce() {
        Merchant m = sopranoStore();
        Created c = create(m, "1000");

        assertThat(callback(c, "success", "1000.0", "2026-11-23T12:00:00Z").status()).isEqualTo(200);
        assertThat(status(m, c.id())).isEqualTo("completed");

        JsonNode rub = m.get("/api/v1/merchant/balance").data().get("RUB");
        assertThat(rub).as("a RUB line").isNotNull();
        assertThat(rub.get("available").toString()).isEqualTo("1000.00");
        assertThat(rub.get("pending").toString()).isEqualTo("0.00");
        assertThat(rub.get("total_received").toString()).isEqualTo("1000.00");
        assertThat(rub.get("total_withdrawn").toString()).isEqualTo("0.00");
        assertThat(rub.get("total_commission").toString()).isEqualTo("0.00");
        assertThat(rub.get("provider_held").toString()).isEqualTo("1000.00");
        assertThat(rub.get("provider_held_by").get(INSTANCE).toString()).isEqualTo("1000.00");
        // The store's own asset keeps its line, with nothing held by a provider.
        JsonNode usdt = m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");
        assertThat(usdt.get("provider_held").toString()).isEqualTo("0.00");
        assertThat(usdt.get("provider_held_by").isEmpty()).isTrue();
        assertBalanced(m);
        assertThat(entries(m)).isEqualTo(1);

        // A duplicate, a resend with a new timestamp and a poll after the callback post nothing more.
        assertThat(callback(c, "success", "1000.0", "2026-11-23T12:00:00Z").status()).isEqualTo(200);
        assertThat(callback(c, "success", "1000.00", "2026-11-23T12:05:00Z").status()).isEqualTo(200);
        stubFetch(c, "success", "1000.0");
        reconciler.check(links.find(PaymentId.parse(c.id()).orElseThrow()).orElseThrow());
        assertThat(entries(m)).isEqualTo(1);
        assertThat(available(m, "RUB")).isEqualByComparingTo("1000");
    }

    @Test
    void aShortSuccessIsUnderpaidAndWithinTheStoresToleranceCompleted() {
        Merchant m = sopranoStore();
        Http.Response patched = admin().send("PATCH", "/admin/v1/stores/" + m.storeId(),
                "{\"underpaid_tolerance_percent\": 1}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);

        Created short1 = create(m, "1000");
        callback(short1, "success", "1.0", "2026-11-23T12:00:00Z");
        JsonNode s = payment(m, short1.id());
        assertThat(s.get("status").asString()).isEqualTo("underpaid");
        assertThat(s.get("amount_received").decimalValue()).isEqualByComparingTo("1");

        Created withinTolerance = create(m, "1000");
        callback(withinTolerance, "success", "990.00", "2026-11-23T12:00:00Z");
        assertThat(status(m, withinTolerance.id())).isEqualTo("completed");

        assertThat(available(m, "RUB")).as("what Soprano collected, each once").isEqualByComparingTo("991");
        assertBalanced(m);
        assertThat(entries(m)).isEqualTo(2);
    }

    @Test
    void aSuccessForMoreThanAskedIsOverpaid() {
        Merchant m = sopranoStore();
        Created c = create(m, "1000");
        callback(c, "success", "1250.00", "2026-11-23T12:00:00Z");
        assertThat(status(m, c.id())).isEqualTo("overpaid");
        assertThat(available(m, "RUB")).isEqualByComparingTo("1250");
        assertBalanced(m);
    }

    @Test
    void fiftyRacingCallbacksEndInOneStateThatThePaymentTheProviderStatusTheJournalAndAPollAgreeOn()
            throws Exception {
        Merchant m = sopranoStore();
        Created c = create(m, "1000");

        List<String> statuses = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            statuses.add("success");
            statuses.add("failed");
        }
        Collections.shuffle(statuses, new java.util.Random(10));
        List<String> unanswered = race(c, statuses);
        // A callback the gateway could not take (an overloaded pool) is resent, as a provider does.
        for (int round = 0; !unanswered.isEmpty() && round < 20; round++) {
            unanswered = race(c, unanswered);
        }
        assertThat(unanswered).isEmpty();

        // Money collected outranks a failure, whatever the order: the payment is completed and the link agrees.
        assertThat(status(m, c.id())).isEqualTo("completed");
        assertThat(rawStatus(c)).isEqualTo("success");
        assertThat(entries(m)).isEqualTo(1);
        assertThat(available(m, "RUB")).isEqualByComparingTo("1000");

        // What Soprano reports when asked is the same final state, and asking books nothing more.
        stubFetch(c, "success", "1000.0");
        reconciler.check(links.find(PaymentId.parse(c.id()).orElseThrow()).orElseThrow());
        assertThat(status(m, c.id())).isEqualTo("completed");
        assertThat(rawStatus(c)).isEqualTo("success");
        assertThat(entries(m)).isEqualTo(1);
        assertBalanced(m);
        // The merchant hears of each change once, the last being the completion (a failure applied before the
        // first success is followed by it).
        List<String> events = jdbc.sql("select type from webhook_events where payment_id = :p order by seq")
                .param("p", UUID.fromString(c.id())).query(String.class).list();
        assertThat(events).last().isEqualTo("payment.completed");
        assertThat(events).containsAnyOf("payment.completed").doesNotHaveDuplicates().hasSizeLessThanOrEqualTo(2);
        // The failures are kept for the operator as superseded news.
        assertThat(jdbc.sql("select count(*) from provider_callbacks where external_id = :e and raw_status = 'failed'"
                + " and outcome in ('superseded', 'applied')").param("e", c.providerId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void aCryptoPaymentAtCryptomusIsBookedInItsAssetAndARefundReversesItOnce() {
        Merchant m = providerStore("cryptomus-ledger");
        String uuid = UUID.randomUUID().toString();
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(json("""
                {"state": 0, "result": {"uuid": "%s", "order_id": "{{jsonPath request.body '$.order_id'}}", "amount": "25.00", "payer_amount": "25.00000000",
                 "payer_currency": "USDT", "currency": "USDT", "network": "tron",
                 "address": "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "txid": null, "payment_status": "check",
                 "url": "https://pay.cryptomus.com/pay/%s", "expired_at": 4102444800, "status": "check",
                 "is_final": false}}""".formatted(uuid, uuid)).withTransformers("response-template")));
        Http.Response created = m.post("/api/v1/payment/create", "{\"amount\":\"25\",\"order_id\":\"CRY-L1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String id = created.data().get("payment_id").asString();

        assertThat(cryptomusCallback(uuid, id, "paid", "25.00000000").status()).isEqualTo(200);
        assertThat(status(m, id)).isEqualTo("completed");
        JsonNode usdt = m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");
        assertThat(usdt.get("available").decimalValue()).isEqualByComparingTo("25");
        assertThat(usdt.get("provider_held").decimalValue()).isEqualByComparingTo("25");
        assertThat(usdt.get("provider_held_by").get("cryptomus-ledger").decimalValue()).isEqualByComparingTo("25");

        assertThat(cryptomusCallback(uuid, id, "refund_paid", "25.00000000").status()).isEqualTo(200);
        assertThat(cryptomusCallback(uuid, id, "refund_paid", "25.00000000").status()).isEqualTo(200);
        assertThat(status(m, id)).isEqualTo("refunded");
        usdt = m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");
        assertThat(usdt.get("available").decimalValue()).isEqualByComparingTo("0");
        assertThat(usdt.get("provider_held").decimalValue()).isEqualByComparingTo("0");
        assertThat(usdt.get("total_received").decimalValue()).as("a refund returns what was received")
                .isEqualByComparingTo("0");
        assertThat(entries(m)).as("paid, then reversed once").isEqualTo(2);
        assertBalanced(m);
    }

    private Http.Response cryptomusCallback(String uuid, String orderId, String status, String paid) {
        String unsigned = "{\"type\":\"payment\",\"uuid\":\"" + uuid + "\",\"order_id\":\"" + orderId
                + "\",\"amount\":\"25.00\",\"payment_amount\":\"" + paid + "\",\"is_final\":true,\"status\":\""
                + status + "\",\"network\":\"tron\",\"currency\":\"USDT\",\"payer_currency\":\"USDT\",\"txid\":\"ab12\"}";
        String signed = unsigned.substring(0, unsigned.length() - 1) + ",\"sign\":\""
                + md5(unsigned.getBytes(StandardCharsets.UTF_8)) + "\"}";
        return http().send("POST", "/callbacks/cryptomus-ledger", signed.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    private static String md5(byte[] json) {
        try {
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            String base64 = java.util.Base64.getEncoder().encodeToString(json);
            return java.util.HexFormat.of().formatHex(md5.digest((base64 + CRYPTOMUS_KEY).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Posts the callbacks all at once; returns the statuses of those not answered 200. */
    private List<String> race(Created c, List<String> statuses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(statuses.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String s : statuses) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return callback(c, s, s.equals("success") ? "1000.0" : null, "2026-11-23T12:00:00Z").status();
                }));
            }
            start.countDown();
            List<String> again = new ArrayList<>();
            for (int i = 0; i < statuses.size(); i++) {
                int code = answers.get(i).get();
                assertThat(code / 100).as("never refused as bad input: %s", code).isNotEqualTo(4);
                if (code != 200) {
                    again.add(statuses.get(i));
                }
            }
            return again;
        } finally {
            pool.shutdownNow();
        }
    }

    private record Created(String id, String providerId) {
    }

    private Created create(Merchant m, String amount) {
        String providerId = "pay_" + UUID.randomUUID().toString().substring(0, 12);
        SOPRANO.stubFor(post(urlPathEqualTo("/api/v1/payment/create")).willReturn(json("""
                {"id": 1, "merchant_id": 7, "payment_id": "%s", "amount": %s, "currency": "RUB",
                 "status": "pending", "payment_url": "https://payment.example.com/pay/%s"}
                """.formatted(providerId, amount, providerId))));
        Http.Response r = m.post("/api/v1/payment/create", "{\"fiat_amount\":\"" + amount
                + "\",\"fiat_currency\":\"RUB\",\"order_id\":\"" + providerId + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("status").asString()).isEqualTo("pending");
        return new Created(r.data().get("payment_id").asString(), providerId);
    }

    private void stubFetch(Created c, String status, String amount) {
        SOPRANO.stubFor(get(urlPathEqualTo("/api/v1/payment/" + c.providerId())).willReturn(json("""
                {"id": 1, "merchant_id": 7, "payment_id": "%s", "amount": %s, "currency": "RUB",
                 "status": "%s", "payment_url": "https://payment.example.com/pay/%s", "order_id": "%s"}
                """.formatted(c.providerId(), amount, status, c.providerId(), c.id()))));
    }

    private Http.Response callback(Created c, String status, String amount, String timestamp) {
        String body = "{\"payment_id\": \"" + c.providerId() + "\", \"status\": \"" + status + "\", "
                + (amount == null ? "" : "\"amount\": " + amount + ", ") + "\"currency\": \"RUB\", \"timestamp\": \""
                + timestamp + "\"}";
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Webhook-Secret", SECRET);
        return http().send("POST", "/callbacks/" + INSTANCE, body.getBytes(StandardCharsets.UTF_8), h);
    }

    private Merchant sopranoStore() {
        return providerStore(INSTANCE);
    }

    private Merchant providerStore(String instance) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/provider",
                "{\"instance\":\"" + instance + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return m;
    }

    private JsonNode payment(Merchant m, String id) {
        Http.Response r = m.get("/api/v1/payment/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private String status(Merchant m, String id) {
        return payment(m, id).get("status").asString();
    }

    private String rawStatus(Created c) {
        return jdbc.sql("select raw_status from provider_payments where payment_id = :p")
                .param("p", UUID.fromString(c.id())).query(String.class).single();
    }

    private BigDecimal available(Merchant m, String currency) {
        return m.get("/api/v1/merchant/balance").data().get(currency).get("available").decimalValue();
    }

    private long entries(Merchant m) {
        return jdbc.sql("select count(distinct entry_id) from postings where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single();
    }

    /** Every entry of the store sums to zero per currency. */
    private void assertBalanced(Merchant m) {
        assertThat(jdbc.sql("""
                select count(*) from (select entry_id, asset from postings where store_id = :s
                  group by entry_id, asset having sum(amount) <> 0) unbalanced
                """).param("s", UUID.fromString(m.storeId())).query(Long.class).single()).isZero();
        assertThat(entries(m)).isPositive();
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
