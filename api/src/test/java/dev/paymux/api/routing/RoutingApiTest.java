package dev.paymux.api.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.store.StoreId;
import dev.paymux.cryptomus.CryptomusAsset;
import dev.paymux.cryptomus.CryptomusConfig;
import dev.paymux.cryptomus.CryptomusProvider;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Routing by cost across five Cryptomus instances, each its own WireMock server: "a" (0.5 %), "b" (1 %),
 * "c" (1.5 %), and two flaky ones that are the cheapest of all, "flaky" (0.2 %, answers after the read
 * timeout) and "broken" (0.3 %, resets the connection). Each test's store excludes what it does not use,
 * so the circuit of one test's failing instance never decides another test.
 */
// Its own database server: the context is closed after the class, while that server still runs.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(RoutingApiTest.Instances.class)
class RoutingApiTest extends ApiTest {

    static final String KEY = "routing-test-key";
    static final Map<String, WireMockServer> SERVERS = Map.of(
            "a", server(), "b", server(), "c", server(), "flaky", server(), "broken", server());
    static final EmbeddedPostgres DATABASE = startDatabase();

    private static WireMockServer server() {
        WireMockServer s = new WireMockServer(WireMockConfiguration.options().dynamicPort().globalTemplating(true));
        s.start();
        return s;
    }

    private static EmbeddedPostgres startDatabase() {
        try {
            return EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // Its own database server: this context runs beside the shared one of the other API tests.
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + DATABASE.getPort() + "/postgres");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Instances {
        @Bean
        CryptomusProvider a() {
            return instance("a", "0.5");
        }

        @Bean
        CryptomusProvider b() {
            return instance("b", "1");
        }

        @Bean
        CryptomusProvider c() {
            return instance("c", "1.5");
        }

        @Bean
        CryptomusProvider flaky() {
            return instance("flaky", "0.2");
        }

        @Bean
        CryptomusProvider broken() {
            return instance("broken", "0.3");
        }

        private static CryptomusProvider instance(String name, String percent) {
            FeeSchedule fees = FeeSchedule.percent(new BigDecimal(percent));
            CryptomusConfig config = CryptomusConfig.defaults(name, SERVERS.get(name).baseUrl(), "merchant-" + name, KEY)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withRetry(1, Duration.ofMillis(10))
                    .withBreaker(60f, 2, Duration.ofHours(1))
                    .withAssets(List.of(
                            new CryptomusAsset("USDT_TRC20", "USDT", "tron", BigDecimal.ONE, new BigDecimal("10000"), fees),
                            new CryptomusAsset("BTC", "BTC", "btc", new BigDecimal("0.0001"), new BigDecimal("10"), fees)),
                            List.of());
            return new CryptomusProvider(config);
        }
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PaymentService paymentService;

    @BeforeEach
    void stubs() {
        SERVERS.forEach((name, server) -> {
            server.resetAll();
            server.stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(invoice(name)));
        });
        SERVERS.get("flaky").stubFor(post(urlPathEqualTo("/v1/payment"))
                .willReturn(invoice("flaky").withFixedDelay(5_000)));
        SERVERS.get("broken").stubFor(post(urlPathEqualTo("/v1/payment"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    }

    @Test
    void theCheapestEligibleInstanceTakesThePaymentAndTheRouteShowsEveryCandidate() {
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"]}");
        String id = create(m, "{\"amount\":\"100\",\"order_id\":\"R-1\"}");

        assertThat(created("a")).isEqualTo(1);
        assertThat(created("b") + created("c")).isZero();
        JsonNode route = route(m, id);
        assertThat(route.get("chosen").asString()).isEqualTo("a");
        assertThat(route.get("placed_at").asString()).isEqualTo("a");
        assertThat(route.get("amount").asString()).isEqualTo("100");
        assertThat(route.get("cost").asString()).isEqualTo("0.5");
        assertThat(route.get("saving").asString()).isEqualTo("1");
        assertThat(route.get("cost_currency").asString()).isEqualTo("USDT_TRC20");
        List<JsonNode> candidates = route.get("candidates").valueStream().toList();
        assertThat(candidates).extracting(c -> c.get("instance").asString())
                .containsExactly("a", "b", "c", "broken", "flaky", "native");
        assertThat(candidates).extracting(c -> c.get("eligible").asBoolean())
                .containsExactly(true, true, true, false, false, false);
        assertThat(candidates.subList(0, 3)).extracting(c -> c.get("cost").asString()).containsExactly("0.5", "1", "1.5");
        assertThat(candidates.subList(3, 6)).extracting(c -> c.get("reason").asString())
                .containsOnly("excluded by the store's rules");
        assertThat(route.get("attempts").valueStream().map(a -> a.get("instance").asString() + ":"
                + a.get("outcome").asString()).toList()).containsExactly("a:created");

        // The payment itself is the provider's, in the seed's shape.
        JsonNode p = m.get("/api/v1/payment/" + id).data();
        assertThat(p.get("status").asString()).isEqualTo("pending");
        assertThat(p.get("pay_address").asString()).isEqualTo(address("a"));
        assertThat(p.get("payment_url").asString()).startsWith("https://pay.cryptomus.com/pay/");

        // The same order id returns the same payment, and no provider is asked again.
        assertThat(create(m, "{\"amount\":\"100\",\"order_id\":\"R-1\"}")).isEqualTo(id);
        assertThat(created("a")).isEqualTo(1);
    }

    @Test
    void theOperatorsRulesOverrideTheCost() {
        Merchant pinned = routedStore("{\"enabled\":true,\"pinned\":\"c\"}");
        JsonNode r1 = route(pinned, create(pinned, "{\"amount\":\"50\"}"));
        assertThat(r1.get("placed_at").asString()).isEqualTo("c");
        assertThat(r1.get("candidates").valueStream().filter(c -> !c.get("instance").asString().equals("c"))
                .map(c -> c.get("reason").asString())).containsOnly("the store is pinned to c");

        Merchant weighted = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"],"
                + "\"weights\":{\"b\":300}}");
        JsonNode r2 = route(weighted, create(weighted, "{\"amount\":\"50\"}"));
        assertThat(r2.get("candidates").toString()).contains("\"effective_cost\":\"0.16666");
        // b costs 0.5 but compares as 0.5 * 100 / 300 = 0.1667, below a's 0.25.
        assertThat(r2.get("placed_at").asString()).isEqualTo("b");
        assertThat(r2.get("cost").asString()).isEqualTo("0.5");
    }

    @Test
    void aTimeoutDuringCreationFailsOverAndExactlyOneProviderPaymentIsLive() throws Exception {
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"broken\"]}");
        String id = create(m, "{\"amount\":\"100\",\"order_id\":\"R-FLAKY\"}");

        JsonNode route = route(m, id);
        assertThat(route.get("chosen").asString()).isEqualTo("flaky");
        assertThat(route.get("placed_at").asString()).isEqualTo("a");
        List<JsonNode> attempts = route.get("attempts").valueStream().toList();
        assertThat(attempts).extracting(a -> a.get("instance").asString() + ":" + a.get("outcome").asString())
                .containsExactly("flaky:abandoned", "a:created");
        assertThat(attempts.get(0).get("error").asString()).isNotBlank();
        assertThat(jdbc.sql("select instance from provider_payments where payment_id = :p")
                .param("p", UUID.fromString(id)).query(String.class).list()).containsExactly("a");
        assertThat(m.get("/api/v1/payment/" + id).data().get("pay_address").asString()).isEqualTo(address("a"));

        // The slow provider did make an invoice; its callback is recorded for the operator, never applied.
        String unsigned = "{\"type\":\"payment\",\"uuid\":\"" + UUID.randomUUID() + "\",\"order_id\":\"" + id
                + "\",\"amount\":\"100.00\",\"payment_amount\":\"100.00\",\"merchant_amount\":\"99.80\","
                + "\"network\":\"tron\",\"currency\":\"USDT\",\"payer_currency\":\"USDT\",\"status\":\"paid\","
                + "\"is_final\":true,\"url\":\"https://pay.cryptomus.com/pay/x\"}";
        Http.Response cb = callback("flaky", signed(unsigned));
        assertThat(cb.status()).as(cb.body()).isEqualTo(200);
        assertThat(m.get("/api/v1/payment/" + id).data().get("status").asString()).isEqualTo("pending");
        assertThat(jdbc.sql("select outcome from provider_callbacks where instance = 'flaky' order by id desc limit 1")
                .query(String.class).single()).isEqualTo("abandoned-attempt");
    }

    @Test
    void repeatedFailuresOpenTheCircuitAndTheNextCheapestWinsWithoutACall() {
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\"]}");
        // Each failure at "broken" fails over to "a"; after two, its circuit (window 2, 60 %) is open.
        for (int i = 0; i < 2; i++) {
            JsonNode r = route(m, create(m, "{\"amount\":\"20\"}"));
            assertThat(r.get("placed_at").asString()).isEqualTo("a");
        }
        int calls = SERVERS.get("broken").findAll(postRequestedFor(urlPathEqualTo("/v1/payment"))).size();

        JsonNode r = route(m, create(m, "{\"amount\":\"20\"}"));
        assertThat(r.get("chosen").asString()).isEqualTo("a");
        assertThat(r.get("placed_at").asString()).isEqualTo("a");
        JsonNode broken = r.get("candidates").valueStream().filter(c -> c.get("instance").asString().equals("broken"))
                .findFirst().orElseThrow();
        assertThat(broken.get("eligible").asBoolean()).isFalse();
        assertThat(broken.get("reason").asString()).startsWith("unavailable:");
        assertThat(r.get("attempts").valueStream().map(a -> a.get("instance").asString()).toList()).containsExactly("a");
        assertThat(SERVERS.get("broken").findAll(postRequestedFor(urlPathEqualTo("/v1/payment")))).hasSize(calls);
    }

    @Test
    void aPaymentNoInstanceCanTakeIsRefusedWithTheReasonsAndNothingIsWritten() {
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"]}");
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"50000\",\"order_id\":\"TOO-BIG\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.json().get("error").asString()).contains("no payment provider can take this payment")
                .contains("a: amount 50000 is outside the limits 1 .. 10000");
        assertThat(jdbc.sql("select count(*) from payments where store_id = :s").param("s", UUID.fromString(m.storeId()))
                .query(Long.class).single()).isZero();
        assertThat(SERVERS.values().stream().mapToInt(s -> s.findAll(postRequestedFor(urlPathEqualTo("/v1/payment")))
                .size()).sum()).isZero();
    }

    @Test
    void whenEveryInstanceIsDownTheMerchantGetsA503AndARetryResumesTheSamePayment() {
        Merchant m = routedStore("{\"enabled\":true,\"pinned\":\"b\"}");
        SERVERS.get("b").stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(aResponse().withStatus(502)));
        Http.Response down = m.post("/api/v1/payment/create", "{\"amount\":\"30\",\"order_id\":\"R-RETRY\"}");
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.json().get("error").asString()).contains("unavailable");
        // The store also has a pool address, but a payment the router holds is never placed natively.
        String queuedId = jdbc.sql("select id::text from payments where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(String.class).single();
        assertThat(paymentService.promoteQueued(new StoreId(UUID.fromString(m.storeId())), Asset.USDT_TRC20)).isZero();
        assertThat(m.get("/api/v1/payment/" + queuedId).data().get("status").asString()).isEqualTo("queued");

        SERVERS.get("b").stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(invoice("b")));
        String id = create(m, "{\"amount\":\"30\",\"order_id\":\"R-RETRY\"}");
        JsonNode route = route(m, id);
        assertThat(route.get("placed_at").asString()).isEqualTo("b");
        assertThat(route.get("attempts").valueStream().map(a -> a.get("outcome").asString()).toList())
                .containsExactly("abandoned", "created");
        assertThat(jdbc.sql("select count(*) from payments where store_id = :s").param("s", UUID.fromString(m.storeId()))
                .query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void theRouteOfAPaymentThatWasNotRoutedOrIsAnotherStoresIsNotFound() {
        Merchant routed = routedStore("{\"enabled\":true,\"pinned\":\"a\"}");
        String id = create(routed, "{\"amount\":\"10\"}");
        Merchant other = newStore(List.of("USDT_TRC20"), 1);
        Http.Response foreign = other.get("/api/v1/payment/" + id + "/route");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("error").asString()).isEqualTo("payment not found");

        String nativeId = create(other, "{\"amount\":\"10\"}");
        Http.Response notRouted = other.get("/api/v1/payment/" + nativeId + "/route");
        assertThat(notRouted.status()).isEqualTo(404);
        assertThat(notRouted.json().get("error").asString()).isEqualTo("this payment was not routed");
        assertThat(other.get("/api/v1/payment/not-a-uuid/route").status()).isEqualTo(404);
    }

    @Test
    void routingSettingsAreValidatedAndNothingIsWrittenOnBadInput() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String path = "/admin/v1/stores/" + m.storeId() + "/routing";
        Map<String, String> bad = Map.of(
                "{}", "enabled is required (true or false)",
                "{\"enabled\":\"yes\"}", "enabled is required (true or false)",
                "{\"enabled\":true,\"pinned\":\"nope\"}", "pinned: no provider instance is named 'nope'",
                "{\"enabled\":true,\"excluded\":\"a\"}", "excluded must be an array of provider instance names",
                "{\"enabled\":true,\"weights\":{\"a\":0}}", "the weight of a must be an integer from 1 to 10000",
                "{\"enabled\":true,\"weights\":{\"a\":1.5}}", "the weight of a must be an integer from 1 to 10000",
                "{\"enabled\":true,\"pinned\":\"a\",\"excluded\":[\"a\"]}", "the pinned instance a is also excluded",
                "[1]", "the request body must be a JSON object");
        bad.forEach((body, error) -> {
            Http.Response r = admin().send("PUT", path, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("error").asString()).as(body).isEqualTo(error);
        });
        JsonNode unchanged = admin().send("GET", path, null).data();
        assertThat(unchanged.get("enabled").asBoolean()).isFalse();
        assertThat(admin().send("PUT", "/admin/v1/stores/" + UUID.randomUUID() + "/routing", "{\"enabled\":true}")
                .status()).isEqualTo(404);

        Http.Response ok = admin().send("PUT", path, "{\"enabled\":true,\"excluded\":[\"native\"],\"weights\":{\"b\":150}}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        JsonNode saved = admin().send("GET", path, null).data();
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.get("excluded").valueStream().map(JsonNode::asString).toList()).containsExactly("native");
        assertThat(saved.get("weights").get("b").asInt()).isEqualTo(150);

        // Every change is recorded with who made it; refused ones are not.
        Http.Response second = admin().http().send("PUT", path, "{\"enabled\":false}".getBytes(StandardCharsets.UTF_8),
                Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "Content-Type", "application/json",
                        "X-Paymux-Actor", "alice"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        List<JsonNode> changes = admin().send("GET", path + "/changes", null).data().valueStream().toList();
        assertThat(changes).extracting(c -> c.get("actor").asString()).containsExactly("alice", "operator");
        assertThat(changes.get(0).get("routing").get("enabled").asBoolean()).isFalse();
        assertThat(changes.get(1).get("routing").get("weights").get("b").asInt()).isEqualTo(150);
        assertThat(admin().send("GET", path + "/changes?limit=0", null).status()).isEqualTo(400);
    }

    @Test
    void theCustomersChoiceOfAssetIsRoutedAndEachAssetSaysWhetherItCanBePaidNow() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        assertThat(admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/routing",
                "{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"]}").status()).isEqualTo(200);
        // 20000 USD: above every instance's USDT limit (10000), within its BTC limits.
        Http.Response created = m.post("/api/v1/payment/create", "{\"amount\":\"20000\",\"order_id\":\"SEL-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.data().get("status").asString()).isEqualTo("selecting");
        String url = created.data().get("payment_url").asString();
        String token = url.substring(url.indexOf("token=") + 6);
        assertThat(created(("a"))).isZero();

        JsonNode selection = http().get("/api/v1/selection/" + token).data();
        Map<String, JsonNode> options = new java.util.HashMap<>();
        selection.get("currencies").valueStream().forEach(o -> options.put(o.get("currency").asString(), o));
        assertThat(options.get("USDT_TRC20").get("available").asBoolean()).isFalse();
        assertThat(options.get("USDT_TRC20").get("reason").asString()).isEqualTo("no payment provider can take it right now");
        assertThat(options.get("USDT_TRC20").get("reason_code").asString()).isEqualTo("no_provider");
        assertThat(options.get("BTC").get("available").asBoolean()).isTrue();
        assertThat(new BigDecimal(options.get("BTC").get("amount").asString())).isPositive();

        Http.Response refused = http().postJson("/api/v1/selection/" + token, "{\"currency\":\"USDT_TRC20\"}");
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(http().get("/api/v1/selection/" + token).data().get("status").asString()).isEqualTo("selecting");

        // The hosted page shows the same: USDT disabled with its reason, BTC to choose.
        Http.Response page = http().get("/pay/select?token=" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).containsPattern("id=\"choose-USDT_TRC20\"[^>]*disabled")
                .contains("Not available right now: no payment provider takes it now");
        // Choosing on the page routes the payment and sends the customer to the provider's checkout.
        Http.Response redirect = http().send("POST", "/pay/select", ("token=" + token + "&currency=BTC")
                .getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(303);
        Http.Response chosen = http().get("/api/v1/selection/" + token);
        assertThat(chosen.status()).as(chosen.body()).isEqualTo(200);
        JsonNode payment = chosen.data();
        assertThat(payment.get("status").asString()).isEqualTo("pending");
        assertThat(payment.get("currency").asString()).isEqualTo("BTC");
        assertThat(payment.get("payment_url").asString()).startsWith("https://pay.cryptomus.com/pay/");
        assertThat(redirect.header("Location")).isEqualTo(payment.get("payment_url").asString());
        String id = payment.get("payment_id").asString();
        assertThat(route(m, id).get("placed_at").asString()).isEqualTo("a");
        assertThat(route(m, id).get("pay_currency").asString()).isEqualTo("BTC");

        // A second choice returns the payment the first one made; no provider is asked again.
        Http.Response again = http().postJson("/api/v1/selection/" + token, "{\"currency\":\"USDT_TRC20\"}");
        assertThat(again.data().get("payment_id").asString()).isEqualTo(id);
        assertThat(again.data().get("currency").asString()).isEqualTo("BTC");
        assertThat(created("a")).isEqualTo(1);
    }

    @Test
    void theOperatorSeesVolumeCostSuccessRateAndSavingPerInstance() {
        String since = clock.instant().minusSeconds(1).toString();
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"]}");
        create(m, "{\"amount\":\"100\"}");
        create(m, "{\"amount\":\"300\"}");
        Merchant pinned = routedStore("{\"enabled\":true,\"pinned\":\"c\"}");
        create(pinned, "{\"amount\":\"200\"}");

        Http.Response r = admin().send("GET", "/admin/v1/routing/metrics?since=" + since, null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        Map<String, JsonNode> byInstance = new java.util.HashMap<>();
        r.data().get("instances").valueStream().forEach(i -> byInstance.put(i.get("instance").asString(), i));
        // Other tests of this class route payments too; this test's own are the ones since its start, so
        // compare against what the route endpoint says instead of absolute numbers where tests overlap.
        JsonNode a = byInstance.get("a");
        assertThat(a.get("payments").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(a.get("attempts").get("created").asLong()).isGreaterThanOrEqualTo(2);
        JsonNode aUsdt = a.get("totals").valueStream().filter(t -> t.get("currency").asString().equals("USDT_TRC20"))
                .findFirst().orElseThrow();
        assertThat(new BigDecimal(aUsdt.get("volume").asString())).isGreaterThanOrEqualTo(new BigDecimal("400"));
        assertThat(new BigDecimal(aUsdt.get("cost").asString())).isGreaterThanOrEqualTo(new BigDecimal("2"));
        assertThat(new BigDecimal(aUsdt.get("saving").asString())).isGreaterThanOrEqualTo(new BigDecimal("4"));
        assertThat(byInstance.get("c").get("success_rate").asString()).isNotBlank();
        assertThat(r.data().get("totals").valueStream().map(t -> t.get("currency").asString())).contains("USDT_TRC20");

        Http.Response bad = admin().send("GET", "/admin/v1/routing/metrics?since=yesterday", null);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).startsWith("since must be an ISO instant or date");
    }

    @Test
    void anInstanceAddedThroughTheAdminApiWithItsFeeScheduleTakesThePaymentsItIsCheapestFor() {
        WireMockServer d = server();
        d.stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(invoice("d")));
        try {
            Http.Response added = admin().send("POST", "/admin/v1/provider-instances", """
                    {"name": "d", "type": "cryptomus", "settings": {"base-url": "%s", "merchant-id": "merchant-d",
                     "api-key": "%s", "read-timeout": "3s"}}""".formatted(d.baseUrl(), KEY));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            Http.Response fees = admin().send("PUT", "/admin/v1/provider-instances/d/fees", """
                    {"methods": [{"currency": "USDT_TRC20", "min": "1", "max": "5000", "percent": "0.1",
                     "network_fee": "0.05"}]}""");
            assertThat(fees.status()).as(fees.body()).isEqualTo(200);

            Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"]}");
            JsonNode cheap = route(m, create(m, "{\"amount\":\"100\"}"));
            // 0.1 % of 100 plus the 0.05 network fee, against a's 0.5.
            assertThat(cheap.get("placed_at").asString()).isEqualTo("d");
            assertThat(cheap.get("cost").asString()).isEqualTo("0.15");
            assertThat(d.findAll(postRequestedFor(urlPathEqualTo("/v1/payment")))).hasSize(1);

            // Above the operator's limit for d, the next cheapest takes it and d says why not.
            JsonNode big = route(m, create(m, "{\"amount\":\"6000\"}"));
            assertThat(big.get("placed_at").asString()).isEqualTo("a");
            assertThat(big.get("candidates").valueStream().filter(c -> c.get("instance").asString().equals("d"))
                    .findFirst().orElseThrow().get("reason").asString()).contains("outside the limits");
        } finally {
            admin().send("DELETE", "/admin/v1/provider-instances/d", null);
            d.stop();
        }
        // A disabled instance is not routed to.
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"]}");
        JsonNode after = route(m, create(m, "{\"amount\":\"100\"}"));
        assertThat(after.get("placed_at").asString()).isEqualTo("a");
        assertThat(after.get("candidates").valueStream().map(c -> c.get("instance").asString())).doesNotContain("d");
    }

    @Test
    void aStoreThatPassesFeesOnAsksTheCustomerForThePricePlusTheChosenInstancesFee() {
        Merchant m = routedStore("{\"enabled\":true,\"excluded\":[\"native\",\"flaky\",\"broken\"],\"pass_fees\":true}");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/routing", null).data().get("pass_fees")
                .asBoolean()).isTrue();
        Http.Response created = m.post("/api/v1/payment/create", "{\"amount\":\"100\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        // a charges 0.5 % of 100: the customer is asked for 100.5, the provider is asked to collect 100.5.
        assertThat(new BigDecimal(created.data().get("amount").asString())).isEqualByComparingTo("100.5");
        assertThat(SERVERS.get("a").findAll(postRequestedFor(urlPathEqualTo("/v1/payment"))).get(0).getBodyAsString())
                .contains("\"amount\":\"100.5\"");
        JsonNode route = route(m, created.data().get("payment_id").asString());
        assertThat(route.get("amount").asString()).isEqualTo("100");
        assertThat(route.get("cost").asString()).isEqualTo("0.5");

        Http.Response bad = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/routing",
                "{\"enabled\":true,\"pass_fees\":\"yes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("error").asString()).isEqualTo("pass_fees must be true or false");
    }

    @Test
    void whileOneRequestRoutesAPaymentASecondOneWithTheSameOrderIdDoesNotRouteItAgain() throws Exception {
        WireMockServer slow = server();
        slow.stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(invoice("slow").withFixedDelay(3_000)));
        try {
            Http.Response added = admin().send("POST", "/admin/v1/provider-instances", """
                    {"name": "slow", "type": "cryptomus", "settings": {"base-url": "%s", "merchant-id": "merchant-slow",
                     "api-key": "%s", "read-timeout": "10s", "retry.max-attempts": "1"}}""".formatted(slow.baseUrl(), KEY));
            assertThat(added.status()).as(added.body()).isEqualTo(201);
            Merchant m = routedStore("{\"enabled\":true,\"pinned\":\"slow\"}");
            var first = java.util.concurrent.CompletableFuture.supplyAsync(() ->
                    m.post("/api/v1/payment/create", "{\"amount\":\"40\",\"order_id\":\"R-LEASE\"}"));
            // Once the first request is at the provider, a retry finds the payment queued under its lease.
            while (slow.findAll(postRequestedFor(urlPathEqualTo("/v1/payment"))).isEmpty()) {
                Thread.sleep(20);
            }
            Http.Response second = m.post("/api/v1/payment/create", "{\"amount\":\"40\",\"order_id\":\"R-LEASE\"}");
            assertThat(second.status()).as(second.body()).isEqualTo(200);
            assertThat(second.data().get("status").asString()).isEqualTo("queued");

            Http.Response done = first.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(done.status()).as(done.body()).isEqualTo(200);
            assertThat(done.data().get("payment_id").asString()).isEqualTo(second.data().get("payment_id").asString());
            assertThat(done.data().get("status").asString()).isEqualTo("pending");
            assertThat(slow.findAll(postRequestedFor(urlPathEqualTo("/v1/payment")))).hasSize(1);
        } finally {
            admin().send("DELETE", "/admin/v1/provider-instances/slow", null);
            slow.stop();
        }
    }

    // ---- helpers ----

    private Merchant routedStore(String rules) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/routing", rules);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return m;
    }

    private static String create(Merchant m, String body) {
        Http.Response r = m.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data().get("payment_id").asString();
    }

    private static JsonNode route(Merchant m, String id) {
        Http.Response r = m.get("/api/v1/payment/" + id + "/route");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private static int created(String instance) {
        return SERVERS.get(instance).findAll(postRequestedFor(urlPathEqualTo("/v1/payment"))).size();
    }

    private static String address(String instance) {
        return "T" + (instance + "XYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf").substring(0, 33);
    }

    private static ResponseDefinitionBuilder invoice(String instance) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"state": 0, "result": {"uuid": "{{randomValue type='UUID'}}",
                 "order_id": "{{jsonPath request.body '$.order_id'}}", "amount": "{{jsonPath request.body '$.amount'}}",
                 "payer_amount": null, "payer_currency": "USDT", "currency": "USDT", "network": "tron",
                 "address": "%s", "txid": null, "payment_status": "check",
                 "url": "https://pay.cryptomus.com/pay/{{randomValue type='UUID'}}", "expired_at": 4102444800,
                 "status": "check", "is_final": false}}""".formatted(address(instance)))
                .withTransformers("response-template");
    }

    private Http.Response callback(String instance, String body) {
        return http().send("POST", "/callbacks/" + instance, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    /** The body with Cryptomus's {@code sign}: md5(base64(body without sign) + key), "/" escaped as PHP does. */
    private static String signed(String unsigned) throws Exception {
        String php = unsigned.replace("/", "\\/");
        String base64 = Base64.getEncoder().encodeToString(php.getBytes(StandardCharsets.UTF_8));
        String sign = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((base64 + KEY).getBytes(StandardCharsets.UTF_8)));
        return php.substring(0, php.length() - 1) + ",\"sign\":\"" + sign + "\"}";
    }
}
