package dev.paymux.api.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.providers.ProviderFees;
import dev.paymux.core.providers.ProviderInstances;
import dev.paymux.core.routing.Quoter;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Provider instances added, changed and disabled through the admin API while the gateway runs: stored in
 * PostgreSQL, built by the adapters' own factories, reached by payments at once, secrets never shown, every
 * change audited; and the operator's fee schedules, which the router's quoter prefers.
 */
// Its own database server: the context is closed after the class, while that server still runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ProviderInstanceApiTest extends ApiTest {

    static final WireMockServer CRYPTOMUS = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .globalTemplating(true));
    static final WireMockServer SOPRANO = new WireMockServer(WireMockConfiguration.options().dynamicPort()
            .globalTemplating(true));
    static final EmbeddedPostgres DATABASE = startDatabase();

    static {
        CRYPTOMUS.start();
        SOPRANO.start();
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void configured(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + DATABASE.getPort() + "/postgres");
        String p = "paymux.providers.instances.soprano-conf.";
        registry.add(p + "type", () -> "soprano");
        registry.add(p + "base-url", () -> SOPRANO.baseUrl() + "/api/v1");
        registry.add(p + "api-key", () -> "configured-soprano-key");
        registry.add(p + "merchant-id", () -> "3");
        registry.add(p + "webhook-secret", () -> "configured-soprano-secret");
        registry.add(p + "methods[0].currency", () -> "RUB");
        registry.add(p + "methods[0].min", () -> "100");
        registry.add(p + "methods[0].max", () -> "600000");
        registry.add(p + "methods[0].fees.percent", () -> "2.5");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    @Autowired
    ProviderRegistry registry;

    @Autowired
    Quoter quoter;

    @Autowired
    ProviderInstances instances;

    @Autowired
    ProviderFees fees;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void resetStubs() {
        CRYPTOMUS.resetAll();
        SOPRANO.resetAll();
        // A provider whose health check fails is not offered new payments.
        SOPRANO.stubFor(get(urlPathEqualTo("/api/v1/health")).willReturn(json("{\"status\": \"ok\"}")));
    }

    // ---- instances ----

    @Autowired
    ProviderSyncConfiguration.ProviderSync sync;

    @Test
    void anInstanceAndFeesAnotherNodeStoredReachThisNodeAtTheNextSync() {
        String name = name("elsewhere");
        Instant now = clock.instant();
        // Another gateway node wrote these rows; this node's registry has not seen them.
        instances.insert(new ProviderInstances.Stored(name, "cryptomus", true, Map.of("base-url", CRYPTOMUS.baseUrl(),
                "merchant-id", "m-elsewhere", "api-key", "k-elsewhere"), now, now));
        fees.replace(name, List.of(new PayMethod("USDT_TRC20", BigDecimal.ONE, new BigDecimal("1000"),
                FeeSchedule.percent(new BigDecimal("0.4")), true)), now);
        assertThat(registry.find(name)).isEmpty();

        sync.handle(now, null);
        PaymentProvider p = registry.find(name).orElseThrow();
        assertThat(registry.routable(name)).isTrue();
        PaymentIntent intent = new PaymentIntent("x", new BigDecimal("100"), "USDT_TRC20", "USDT_TRC20",
                Duration.ofMinutes(30), null, null, null);
        assertThat(quoter.quote(p, intent).cost()).isEqualByComparingTo("0.4");

        // Disabled elsewhere: no longer routable here, same provider object (nothing rebuilt).
        instances.update(new ProviderInstances.Stored(name, "cryptomus", false, Map.of("base-url", CRYPTOMUS.baseUrl(),
                "merchant-id", "m-elsewhere", "api-key", "k-elsewhere"), now, now.plusSeconds(1)));
        sync.handle(now, null);
        assertThat(registry.routable(name)).isFalse();
        assertThat(registry.find(name).orElseThrow()).isSameAs(p);

        // New settings elsewhere: rebuilt here.
        instances.update(new ProviderInstances.Stored(name, "cryptomus", true, Map.of("base-url", CRYPTOMUS.baseUrl(),
                "merchant-id", "m-elsewhere", "api-key", "k-rotated"), now, now.plusSeconds(2)));
        sync.handle(now, null);
        assertThat(registry.routable(name)).isTrue();
        assertThat(registry.find(name).orElseThrow()).isNotSameAs(p);
    }

    @Test
    void aCryptomusInstanceAddedThroughTheApiTakesPaymentsAtOnceAndNeverShowsItsKey() {
        String name = name("cryptomus");
        String key = "cryptomus-key-" + UUID.randomUUID();
        Http.Response created = send("POST", "/admin/v1/provider-instances", """
                {"name": "%s", "type": "cryptomus", "enabled": true, "settings": {"base-url": "%s",
                 "merchant-id": "8b03432e-385b-4670-8d06-064591096795", "api-key": "%s", "read-timeout": "2s"}}
                """.formatted(name, CRYPTOMUS.baseUrl(), key), "alice");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode d = created.data();
        assertThat(d.get("name").asString()).isEqualTo(name);
        assertThat(d.get("source").asString()).isEqualTo("database");
        assertThat(d.get("routable").asBoolean()).isTrue();
        assertThat(d.at("/settings/api-key").asString()).isEqualTo("***");
        assertThat(d.at("/settings/merchant-id").asString()).isEqualTo("8b03432e-385b-4670-8d06-064591096795");
        assertThat(created.body()).doesNotContain(key);
        assertThat(registry.find(name)).isPresent();
        assertThat(registry.routable()).extracting(PaymentProvider::instance).contains(name);

        Http.Response one = admin().send("GET", "/admin/v1/provider-instances/" + name, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).doesNotContain(key).contains("\"***\"");
        Http.Response all = admin().send("GET", "/admin/v1/provider-instances", null);
        assertThat(all.body()).doesNotContain(key);
        assertThat(sourceOf(all.data(), name)).isEqualTo("database");
        assertThat(sourceOf(all.data(), "soprano-conf")).isEqualTo("configuration");
        assertThat(sourceOf(all.data(), "native")).isEqualTo("configuration");

        // A store handed to it creates its payments at the (WireMock) Cryptomus, signed with the stored key.
        String uuid = UUID.randomUUID().toString();
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment")).withHeader("sign", matching("[0-9a-f]{32}"))
                .willReturn(json("""
                        {"state": 0, "result": {"uuid": "%s", "order_id": "{{jsonPath request.body '$.order_id'}}",
                         "amount": "25.00",
                         "payer_amount": "25.00000000", "payer_currency": "USDT", "currency": "USDT", "network": "tron",
                         "address": "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "txid": null, "payment_status": "check",
                         "url": "https://pay.cryptomus.com/pay/%s", "expired_at": 4102444800, "status": "check",
                         "is_final": false}}""".formatted(uuid, uuid))));
        Merchant m = providerStore(name);
        Http.Response payment = m.post("/api/v1/payment/create", "{\"amount\":\"25\",\"order_id\":\"C-1\"}");
        assertThat(payment.status()).as(payment.body()).isEqualTo(200);
        assertThat(payment.data().get("pay_address").asString()).isEqualTo("TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf");
        CRYPTOMUS.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment"))
                .withHeader("merchant", equalTo("8b03432e-385b-4670-8d06-064591096795")));

        Http.Response audit = admin().send("GET", "/admin/v1/provider-instances/audit?instance=" + name, null);
        assertThat(audit.status()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain(key);
        JsonNode entry = audit.data().get(0);
        assertThat(entry.get("action").asString()).isEqualTo("create");
        assertThat(entry.get("actor").asString()).isEqualTo("alice");
        assertThat(entry.at("/detail/settings/api-key").asString()).isEqualTo("***");
        assertThat(entry.at("/detail/type").asString()).isEqualTo("cryptomus");
        assertThat(jdbc.sql("select detail::text from provider_instance_audit where instance = :i").param("i", name)
                .query(String.class).list()).noneMatch(t -> t.contains(key));
    }

    @Test
    void aSopranoInstanceIsChangedRebuiltAndDisabledWithoutARestart() {
        String name = name("soprano");
        Http.Response created = send("POST", "/admin/v1/provider-instances", """
                {"name": "%s", "type": "soprano", "settings": {"base-url": "%s/api/v1", "api-key": "first-key",
                 "merchant-id": "7", "webhook-secret": "hook-secret-1",
                 "methods": [{"currency": "RUB", "min": "100", "max": "600000", "fees": {"percent": "2.5"}}]}}
                """.formatted(name, SOPRANO.baseUrl()), null);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.data().at("/settings/methods[0].currency").asString()).isEqualTo("RUB");
        assertThat(created.data().at("/settings/webhook-secret").asString()).isEqualTo("***");
        assertThat(created.body()).doesNotContain("first-key").doesNotContain("hook-secret-1");
        assertThat(registry.find(name).orElseThrow().capabilities().method("RUB")).isPresent();

        stubSopranoCreate();
        Merchant m = providerStore(name);
        assertThat(rubPayment(m).status()).isEqualTo(200);
        SOPRANO.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/payment/create"))
                .withHeader("X-API-Key", equalTo("first-key")));

        // PATCH with the masked key sent back: the secret is kept, the timeout changes, the instance is rebuilt.
        PaymentProvider before = registry.find(name).orElseThrow();
        Http.Response patched = send("PATCH", "/admin/v1/provider-instances/" + name,
                "{\"settings\": {\"api-key\": \"***\", \"read-timeout\": \"3s\"}}", "bob");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.data().at("/settings/read-timeout").asString()).isEqualTo("3s");
        assertThat(registry.find(name).orElseThrow()).isNotSameAs(before);
        assertThat(instances.find(name).orElseThrow().settings()).containsEntry("api-key", "first-key");
        assertThat(rubPayment(m).status()).isEqualTo(200);
        SOPRANO.verify(2, postRequestedFor(urlPathEqualTo("/api/v1/payment/create"))
                .withHeader("X-API-Key", equalTo("first-key")));

        // PUT replaces the settings: a new key, the secret kept by its mask, the timeout dropped.
        Http.Response replaced = send("PUT", "/admin/v1/provider-instances/" + name, """
                {"settings": {"base-url": "%s/api/v1", "api-key": "second-key", "merchant-id": "7",
                 "webhook-secret": "***", "methods[0].currency": "RUB", "methods[0].max": "600000"}}
                """.formatted(SOPRANO.baseUrl()), "bob");
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.data().get("settings").has("read-timeout")).isFalse();
        assertThat(instances.find(name).orElseThrow().settings()).containsEntry("webhook-secret", "hook-secret-1")
                .containsEntry("api-key", "second-key");
        assertThat(rubPayment(m).status()).isEqualTo(200);
        SOPRANO.verify(1, postRequestedFor(urlPathEqualTo("/api/v1/payment/create"))
                .withHeader("X-API-Key", equalTo("second-key")));

        // A mask for a secret that was never stored is refused.
        Http.Response unknownMask = send("PATCH", "/admin/v1/provider-instances/" + name,
                "{\"settings\": {\"other-token\": \"***\"}}", null);
        assertThat(unknownMask.status()).isEqualTo(400);

        // DELETE disables: not routable any more, but still findable, so its callbacks are still taken.
        Http.Response deleted = send("DELETE", "/admin/v1/provider-instances/" + name, null, "carol");
        assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
        assertThat(deleted.data().get("enabled").asBoolean()).isFalse();
        assertThat(deleted.data().get("routable").asBoolean()).isFalse();
        assertThat(registry.routable(name)).isFalse();
        assertThat(registry.routable()).extracting(PaymentProvider::instance).doesNotContain(name);
        assertThat(registry.find(name)).isPresent();
        Http.Response callback = http().send("POST", "/callbacks/" + name, """
                {"payment_id": "pay_gone", "status": "success", "amount": 5.0, "currency": "RUB",
                 "timestamp": "2026-11-23T12:00:00Z"}""".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json", "X-Webhook-Secret", "hook-secret-1"));
        assertThat(callback.status()).as(callback.body()).isEqualTo(200);

        Http.Response enabled = send("PATCH", "/admin/v1/provider-instances/" + name, "{\"enabled\": true}", null);
        assertThat(enabled.status()).isEqualTo(200);
        assertThat(registry.routable(name)).isTrue();

        Http.Response audit = admin().send("GET", "/admin/v1/provider-instances/audit?instance=" + name + "&limit=10",
                null);
        assertThat(audit.data()).extracting(a -> a.get("action").asString())
                .containsExactly("update", "disable", "update", "update", "create");
        assertThat(audit.data()).extracting(a -> a.get("actor").asString())
                .containsExactly("operator", "carol", "bob", "bob", "operator");
        assertThat(audit.body()).doesNotContain("first-key").doesNotContain("second-key")
                .doesNotContain("hook-secret-1");
        JsonNode put = audit.data().get(2);
        assertThat(put.at("/detail/settings/api-key/from").asString()).isEqualTo("***");
        assertThat(put.at("/detail/settings/api-key/to").asString()).isEqualTo("***");
        assertThat(put.at("/detail/settings/read-timeout/from").asString()).isEqualTo("3s");
        assertThat(put.at("/detail/settings/read-timeout/to").isNull()).isTrue();
    }

    @Test
    void settingsTheAdapterRefusesAre400NamingTheKeyAndNothingIsStored() {
        String name = name("bad");
        assertBad(create(name, "cryptomus", "{\"merchant-id\": \"m\"}"), "settings.api-key is required");
        assertBad(create(name, "soprano", """
                {"api-key": "k-secret-value", "merchant-id": "seven", "webhook-secret": "w",
                 "methods": [{"currency": "RUB"}]}"""), "settings.merchant-id must be a number");
        Http.Response timeout = create(name, "cryptomus",
                "{\"merchant-id\": \"m\", \"api-key\": \"k-secret-value\", \"read-timeout\": \"soonish\"}");
        assertBad(timeout, "settings.read-timeout must be a duration");
        assertThat(timeout.body()).doesNotContain("soonish").doesNotContain("k-secret-value");
        Http.Response decimal = create(name, "soprano", """
                {"api-key": "k-secret-value", "merchant-id": "7", "webhook-secret": "w",
                 "methods": [{"currency": "RUB", "fees": {"percent": "lots"}}]}""");
        assertBad(decimal, "settings.methods[0].fees.percent must be a decimal number");
        assertThat(decimal.body()).doesNotContain("lots");
        assertBad(create(name, "nonesuch", "{}"), "unknown provider type 'nonesuch'");

        assertThat(admin().send("GET", "/admin/v1/provider-instances/" + name, null).status()).isEqualTo(404);
        assertThat(instances.find(name)).isEmpty();
        assertThat(registry.find(name)).isEmpty();
        assertThat(jdbc.sql("select count(*) from provider_instance_audit where instance = :i").param("i", name)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aTakenNameIs409() {
        String name = name("dup");
        assertThat(create(name, "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}").status()).isEqualTo(201);
        Http.Response again = create(name, "cryptomus", "{\"merchant-id\": \"m2\", \"api-key\": \"k2\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("success").asBoolean()).isFalse();
        assertThat(instances.find(name).orElseThrow().settings()).containsEntry("merchant-id", "m");
        Http.Response configured = create("soprano-conf", "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}");
        assertThat(configured.status()).isEqualTo(409);
        assertThat(configured.error()).contains("configuration");
        assertThat(create("native", "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}").status())
                .isEqualTo(409);
    }

    @Test
    void configuredInstancesAreReadOnly() {
        Http.Response one = admin().send("GET", "/admin/v1/provider-instances/soprano-conf", null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.data().get("source").asString()).isEqualTo("configuration");
        assertThat(one.data().get("read_only").asBoolean()).isTrue();
        assertThat(one.body()).doesNotContain("configured-soprano-key");
        assertThat(send("PATCH", "/admin/v1/provider-instances/soprano-conf", "{\"enabled\": false}", null).status())
                .isEqualTo(409);
        assertThat(send("DELETE", "/admin/v1/provider-instances/soprano-conf", null, null).status()).isEqualTo(409);
        assertThat(registry.routable("soprano-conf")).isTrue();
        assertThat(send("DELETE", "/admin/v1/provider-instances/nowhere", null, null).status()).isEqualTo(404);
    }

    @Test
    void garbageAndWrongTypesAre400() {
        String base = "/admin/v1/provider-instances";
        String name = name("garbage");
        for (String body : new String[] {"{not json", "[1,2]", "\"text\"", "",
                "{\"name\": 5, \"type\": \"cryptomus\", \"settings\": {}}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\"}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": \"api-key=1\"}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": {\"merchant-id\": 7}}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": {\"merchant-id\": true}}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": {\"merchant-id\": null}}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": {\"Merchant_Id\": \"m\"}}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": {}, \"enabled\": \"yes\"}",
                "{\"name\": \"" + name + "\", \"type\": \"cryptomus\", \"settings\": {}, \"colour\": \"red\"}",
                "{\"name\": \"Has Spaces\", \"type\": \"cryptomus\", \"settings\": {}}",
                "{\"name\": \"audit\", \"type\": \"cryptomus\", \"settings\": {}}",
                "{\"name\": \"" + name + "\", \"type\": [\"cryptomus\"], \"settings\": {}}"}) {
            Http.Response r = send("POST", base, body, null);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
        }
        assertThat(instances.find(name)).isEmpty();
        Http.Response longActor = send("POST", base, "{}", "x".repeat(65));
        assertThat(longActor.status()).isEqualTo(400);
        assertThat(admin().send("GET", base + "/audit?limit=0", null).status()).isEqualTo(400);
        assertThat(admin().send("GET", base + "/audit?limit=abc", null).status()).isEqualTo(400);

        String stored = name("typed");
        assertThat(create(stored, "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}").status()).isEqualTo(201);
        for (String body : new String[] {"{}", "{\"enabled\": 1}", "{\"settings\": [1]}", "{\"type\": \"soprano\"}",
                "{\"name\": \"renamed\", \"enabled\": true}", "{\"settings\": {\"api-key\": 12}}"}) {
            Http.Response r = send("PATCH", base + "/" + stored, body, null);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
        }
        assertThat(send("PUT", base + "/" + stored, "{\"enabled\": true}", null).status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from provider_instance_audit where instance = :i").param("i", stored)
                .query(Long.class).single()).isEqualTo(1);
    }

    // ---- fees ----

    @Test
    void operatorFeesOverrideTheAdaptersQuoteAndShowWithTheirSource() {
        PaymentProvider soprano = registry.find("soprano-conf").orElseThrow();
        PaymentIntent rub = intent("1000", "RUB");
        assertThat(quoter.quote(soprano, rub).cost()).isEqualByComparingTo("25");

        Http.Response before = admin().send("GET", "/admin/v1/provider-instances/soprano-conf/fees", null);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.data().get("source").asString()).isEqualTo("adapter");
        assertThat(before.data().at("/methods/0/percent").asString()).isEqualTo("2.5");

        Http.Response put = send("PUT", "/admin/v1/provider-instances/soprano-conf/fees", """
                {"methods": [{"currency": "RUB", "min": "100", "max": "500000", "percent": "1", "fixed": "5",
                 "minimum": "0", "network_fee": "0", "fx_spread_percent": "0", "available": true},
                 {"currency": "USDT_TRC20", "min": "1", "max": "10000", "percent": "0.8", "fixed": "0",
                 "minimum": "0.1", "network_fee": "1", "fx_spread_percent": "0", "available": true}]}""", "dave");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(put.data().get("source").asString()).isEqualTo("database");
        assertThat(put.data().at("/methods/0/source").asString()).isEqualTo("database");
        assertThat(put.data().at("/methods/1/network_fee").asString()).isEqualTo("1");
        assertThat(quoter.quote(soprano, rub).cost()).isEqualByComparingTo("15");
        Quote usdt = quoter.quote(soprano, intent("100", "USDT_TRC20"));
        assertThat(usdt.eligible()).isTrue();
        assertThat(usdt.cost()).isEqualByComparingTo("1.8");
        assertThat(quoter.quote(soprano, intent("600000", "RUB")).eligible()).as("above the operator's max").isFalse();

        Http.Response got = admin().send("GET", "/admin/v1/provider-instances/soprano-conf/fees", null);
        assertThat(got.data().get("methods")).hasSize(2);
        Http.Response audit = admin().send("GET", "/admin/v1/provider-instances/audit?instance=soprano-conf", null);
        assertThat(audit.data().get(0).get("action").asString()).isEqualTo("fees");
        assertThat(audit.data().get(0).get("actor").asString()).isEqualTo("dave");
        assertThat(audit.data().get(0).at("/detail/methods/1/percent").asString()).isEqualTo("0.8");

        // Back to the adapter's schedule.
        assertThat(send("PUT", "/admin/v1/provider-instances/soprano-conf/fees", "{\"methods\": []}", null).status())
                .isEqualTo(200);
        assertThat(quoter.quote(soprano, rub).cost()).isEqualByComparingTo("25");
    }

    @Test
    void aStoredInstancesFeesKeepTheAdaptersOtherCurrencies() {
        String name = name("cryptofees");
        assertThat(create(name, "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}").status()).isEqualTo(201);
        PaymentProvider p = registry.find(name).orElseThrow();
        assertThat(quoter.quote(p, intent("100", "USDT_TRC20")).cost()).isEqualByComparingTo("2");
        assertThat(send("PUT", "/admin/v1/provider-instances/" + name + "/fees",
                "{\"methods\": [{\"currency\": \"USDT_TRC20\", \"percent\": \"0.5\"}]}", null).status()).isEqualTo(200);
        assertThat(quoter.quote(p, intent("100", "USDT_TRC20")).cost()).isEqualByComparingTo("0.5");
        assertThat(quoter.quote(p, intent("1", "BTC")).cost()).as("the adapter's BTC fee").isEqualByComparingTo("0.02");
        JsonNode methods = admin().send("GET", "/admin/v1/provider-instances/" + name + "/fees", null).data()
                .get("methods");
        assertThat(methods.get(0).get("source").asString()).isEqualTo("database");
        assertThat(methods.get(1).get("source").asString()).isEqualTo("adapter");
    }

    @Test
    void badFeesAre400AndChangeNothing() {
        String path = "/admin/v1/provider-instances/soprano-conf/fees";
        for (String method : new String[] {
                "{\"currency\": \"RUB\", \"percent\": \"-1\"}",
                "{\"currency\": \"RUB\", \"percent\": \"100.5\"}",
                "{\"currency\": \"RUB\", \"fx_spread_percent\": \"101\"}",
                "{\"currency\": \"RUB\", \"min\": \"10\", \"max\": \"5\"}",
                "{\"currency\": \"RUB\", \"percent\": 0.8}",
                "{\"currency\": \"RUB\", \"fixed\": \"1e3\"}",
                "{\"currency\": \"RUB\", \"fixed\": \"abc\"}",
                "{\"currency\": \"RUB\", \"available\": \"yes\"}",
                "{\"currency\": \"rub!\"}",
                "{\"currency\": 5}",
                "{\"percent\": \"1\"}",
                "{\"currency\": \"RUB\", \"colour\": \"red\"}",
                "\"RUB\""}) {
            Http.Response r = send("PUT", path, "{\"methods\": [" + method + "]}", null);
            assertThat(r.status()).as(method + " -> " + r.body()).isEqualTo(400);
        }
        assertThat(send("PUT", path, "{\"methods\": [{\"currency\": \"RUB\"}, {\"currency\": \"RUB\"}]}", null)
                .status()).isEqualTo(400);
        assertThat(send("PUT", path, "{\"methods\": {}}", null).status()).isEqualTo(400);
        assertThat(send("PUT", path, "{}", null).status()).isEqualTo(400);
        assertThat(send("PUT", path, "nope", null).status()).isEqualTo(400);
        assertThat(send("PUT", "/admin/v1/provider-instances/nowhere/fees", "{\"methods\": []}", null).status())
                .isEqualTo(404);
        assertThat(admin().send("GET", "/admin/v1/provider-instances/nowhere/fees", null).status()).isEqualTo(404);
        assertThat(fees.of("soprano-conf")).isEmpty();
    }

    // ---- restart ----

    @Test
    void aRegistryBuiltAfterARestartSeesTheStoredInstancesAndFees() {
        String live = name("survivor");
        String off = name("sleeper");
        assertThat(create(live, "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}").status()).isEqualTo(201);
        assertThat(create(off, "cryptomus", "{\"merchant-id\": \"m\", \"api-key\": \"k\"}").status()).isEqualTo(201);
        assertThat(send("DELETE", "/admin/v1/provider-instances/" + off, null, null).status()).isEqualTo(200);
        assertThat(send("PUT", "/admin/v1/provider-instances/" + live + "/fees",
                "{\"methods\": [{\"currency\": \"USDT_TRC20\", \"percent\": \"0.3\"}]}", null).status()).isEqualTo(200);

        // What a restarted application builds from the same database.
        ProviderRegistry restarted = new ProviderRegistry(List.of(), new MockEnvironment(), instances);
        assertThat(restarted.find(live)).isPresent();
        assertThat(restarted.find(live).orElseThrow().type()).isEqualTo("cryptomus");
        assertThat(restarted.routable(live)).isTrue();
        assertThat(restarted.find(off)).as("disabled, still findable for its payments").isPresent();
        assertThat(restarted.routable(off)).isFalse();
        OperatorFees restartedFees = new OperatorFees(fees);
        assertThat(restartedFees.quote(restarted.find(live).orElseThrow(), intent("100", "USDT_TRC20")).cost())
                .isEqualByComparingTo("0.3");
    }

    // ---- helpers ----

    private static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Http.Response create(String name, String type, String settings) {
        return send("POST", "/admin/v1/provider-instances",
                "{\"name\": \"" + name + "\", \"type\": \"" + type + "\", \"settings\": " + settings + "}", null);
    }

    private Http.Response send(String method, String path, String body, String actor) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("Authorization", "Bearer " + ADMIN_TOKEN);
        if (actor != null) {
            headers.put("X-Paymux-Actor", actor);
        }
        return http().send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
    }

    private static void assertBad(Http.Response r, String message) {
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).contains(message);
    }

    private static String sourceOf(JsonNode list, String name) {
        for (JsonNode n : list) {
            if (n.get("name").asString().equals(name)) {
                return n.get("source").asString();
            }
        }
        return null;
    }

    private Merchant providerStore(String instance) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/provider",
                "{\"instance\":\"" + instance + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return m;
    }

    private void stubSopranoCreate() {
        SOPRANO.stubFor(post(urlPathEqualTo("/api/v1/payment/create")).willReturn(json("""
                {"id": 1, "merchant_id": 7, "payment_id": "pay_{{randomValue length=12 type='ALPHANUMERIC'}}",
                 "amount": 1000.0, "currency": "RUB", "status": "pending",
                 "payment_url": "https://payment.example.com/pay/1"}""")));
    }

    private static Http.Response rubPayment(Merchant m) {
        Http.Response r = m.post("/api/v1/payment/create", "{\"fiat_amount\":\"1000\",\"fiat_currency\":\"RUB\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r;
    }

    private static PaymentIntent intent(String amount, String currency) {
        return new PaymentIntent(UUID.randomUUID().toString(), new BigDecimal(amount), currency, currency,
                Duration.ofMinutes(30), "https://pay.example.test/callbacks/x", null, null);
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
