package dev.paymux.api.dashboard;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import dev.paymux.api.support.Admin;
import dev.paymux.api.support.BrowserTest;
import dev.paymux.api.support.Browsers;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.WebhookReceiver;
import dev.paymux.cryptomus.CryptomusAsset;
import dev.paymux.cryptomus.CryptomusConfig;
import dev.paymux.cryptomus.CryptomusProvider;
import dev.paymux.core.spi.FeeSchedule;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The operator's dashboard over routing by cost, two Cryptomus instances on WireMock ("cheap" at 0.5 %,
 * "dear" at 1 %): a routed payment's page shows every candidate, the provider's callback and the webhook
 * deliveries; editing a fee schedule on the page changes which instance takes the next payment; the
 * routing report shows the saving.
 */
class DashboardRoutingBrowserTest extends BrowserTest {

    static final String KEY = "dashboard-routing-key";
    static final String PASSWORD = "correct horse battery staple";
    static final Map<String, WireMockServer> SERVERS = Map.of("cheap", server(), "dear", server());
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
        // Its own database server: this context runs beside the shared one of the other tests.
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + DATABASE.getPort() + "/postgres");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Instances {
        @Bean
        CryptomusProvider cheap() {
            return instance("cheap", "0.5");
        }

        @Bean
        CryptomusProvider dear() {
            return instance("dear", "1");
        }

        private static CryptomusProvider instance(String name, String percent) {
            FeeSchedule fees = FeeSchedule.percent(new BigDecimal(percent));
            return new CryptomusProvider(CryptomusConfig.defaults(name, SERVERS.get(name).baseUrl(), "merchant-" + name, KEY)
                    .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(3))
                    .withAssets(List.of(new CryptomusAsset("USDT_TRC20", "USDT", "tron", BigDecimal.ONE,
                            new BigDecimal("10000"), fees)), List.of()));
        }
    }

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void stubs() {
        SERVERS.forEach((name, server) -> {
            server.resetAll();
            server.stubFor(post(urlPathEqualTo("/v1/payment")).willReturn(invoice()));
        });
    }

    @Test
    void aRoutedPaymentsPageShowsItsCandidatesCallbackAndWebhooksAndAFeeEditMovesTheNextPayment() throws Exception {
        // The report's chart counts by UTC day: keep the whole test on one day.
        if (java.time.LocalTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).isAfter(java.time.LocalTime.of(23, 45))) {
            clock.advance(Duration.ofMinutes(20));
        }
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            Admin.WebhookStore hooked = admin().createStoreWithWebhook(receiver.url(), clock);
            receiver.secret(hooked.webhookSecret());
            Merchant m = hooked.merchant();
            Http.Response routing = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/routing",
                    "{\"enabled\":true,\"excluded\":[\"native\"]}");
            assertThat(routing.status()).as(routing.body()).isEqualTo(200);

            String first = create(m, "{\"amount\":\"100\",\"order_id\":\"R1-" + run + "\"}");
            assertThat(placedAt(first)).isEqualTo("cheap");
            Http.Response cb = callback("cheap", paid(first));
            assertThat(cb.status()).as(cb.body()).isEqualTo(200);
            WebhookReceiver.eventually(Duration.ofSeconds(30), () -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains("\"status\":\"completed\"")));

            openPage(1280, 900);
            signIn(operator());
            page.navigate(url("/dashboard/payments/" + first));
            assertThat(page.locator("#status")).hasText("completed");
            Locator candidates = page.locator("#candidates tbody tr");
            // Both instances with their quotes, and the native one the store's rules exclude, with the reason.
            assertThat(candidates).hasCount(3);
            assertThat(page.locator("#candidates tr[data-instance=native] td").nth(4)).hasText("no");
            assertThat(page.locator("#candidates tr[data-instance=cheap]")).containsText("placed here");
            assertThat(page.locator("#candidates tr[data-instance=cheap]")).containsText("0.5 USDT_TRC20");
            assertThat(page.locator("#candidates tr[data-instance=dear]")).containsText("1 USDT_TRC20");
            assertThat(page.locator("#timeline li[data-kind=routing]")).containsText("placed at cheap");
            assertThat(page.locator("#timeline li[data-kind=routing]")).containsText("saving 0.5 USDT_TRC20");
            assertThat(page.locator("#timeline li[data-kind=attempt]")).containsText("attempt at cheap: created");
            assertThat(page.locator("#timeline li[data-kind=callback]")).containsText("callback from cheap: paid");
            assertThat(page.locator("#deliveries")).containsText("payment.completed");
            Browsers.screenshot(page, "dashboard-routed-payment");

            // The routing report shows what choosing "cheap" saved.
            page.navigate(url("/dashboard/operator/routing"));
            assertThat(page.locator("#report tr[data-instance=cheap] .saving")).hasText("0.5 USDT_TRC20");
            assertThat(page.locator("#totals li[data-currency=USDT_TRC20]")).containsText("0.5 USDT_TRC20");
            // The chart: drawn by uPlot, today's point of "cheap" is its saving.
            assertThat(page.locator(".routing-chart")).hasAttribute("data-drawn", "true");
            assertThat(page.locator(".routing-chart canvas")).hasCount(1);
            JsonNode chart = json.readTree(page.locator(".routing-chart script").textContent());
            int cheap = chart.get("instances").valueStream().map(JsonNode::asString).toList().indexOf("cheap");
            assertThat(cheap).isNotNegative();
            JsonNode savings = chart.get("data").get(1 + cheap);
            assertThat(savings.size()).isEqualTo(1);
            assertThat(savings.get(savings.size() - 1).decimalValue()).isEqualByComparingTo("0.5");
            page.navigate(url("/dashboard/operator/routing?days=7"));
            assertThat(page.locator(".routing-chart")).hasAttribute("data-drawn", "true");
            JsonNode week = json.readTree(page.locator(".routing-chart script").textContent()).get("data");
            assertThat(week.get(0).size()).isEqualTo(7);
            assertThat(week.get(1 + cheap).get(6).decimalValue()).isEqualByComparingTo("0.5");
            assertThat(week.get(1 + cheap).get(5).decimalValue()).isEqualByComparingTo("0");
            Browsers.screenshot(page, "dashboard-routing-report");
            assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

            // The providers page lists both; "cheap" gets dearer than "dear" on its page.
            page.navigate(url("/dashboard/operator/providers"));
            assertThat(page.locator("#instances tr[data-instance=cheap]")).containsText("cryptomus");
            assertThat(page.locator("#instances tr[data-instance=dear]")).isVisible();
            Browsers.screenshot(page, "dashboard-providers");
            page.locator("#instances a", new Page.LocatorOptions().setHasText("cheap")).click();
            Locator usdt = page.locator("section.fee[data-currency=USDT_TRC20]");
            assertThat(usdt.getByLabel("Percent")).hasValue("0.5");
            usdt.getByLabel("Percent").fill("2");
            usdt.getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("#saved")).containsText("USDT_TRC20");
            assertThat(page.locator("section.fee[data-currency=USDT_TRC20] h3")).containsText("database");
            assertThat(page.locator("section.fee[data-currency=USDT_TRC20]").getByLabel("Percent")).hasValue("2");
            Browsers.screenshot(page, "dashboard-provider-fees");
            assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

            String second = create(m, "{\"amount\":\"100\",\"order_id\":\"R2-" + run + "\"}");
            assertThat(placedAt(second)).isEqualTo("dear");
            // Audited as the operator's change, like one made through the admin API.
            assertThat(admin().send("GET", "/admin/v1/provider-instances/audit?instance=cheap", null).body())
                    .contains("dashboard:ops-");

            // The store's rules on its page: with "dear" excluded, "cheap" takes the next one although dearer now.
            page.navigate(url("/dashboard/stores/" + m.storeId()));
            assertThat(page.locator("#routing-enabled")).isChecked();
            assertThat(page.locator("input[name=excluded][data-instance=native]")).isChecked();
            page.locator("input[name=excluded][data-instance=dear]").check();
            page.locator("#save-routing").click();
            assertThat(page.locator("#saved")).hasText("Saved.");
            String third = create(m, "{\"amount\":\"100\",\"order_id\":\"R3-" + run + "\"}");
            assertThat(placedAt(third)).isEqualTo("cheap");
            JsonNode changes = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/routing/changes", null).data();
            assertThat(changes.get(0).get("actor").asString()).isEqualTo("dashboard:ops-" + run + "@example.com");
            assertThat(changes.get(0).get("routing").get("excluded").toString()).isEqualTo("[\"dear\",\"native\"]");
            page.navigate(url("/dashboard/operator/providers/cheap"));

            // A bad value is refused on the page and changes nothing.
            page.locator("section.fee[data-currency=USDT_TRC20]").getByLabel("Percent").fill("101");
            page.locator("section.fee[data-currency=USDT_TRC20]").getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("#error")).hasText("percent must be at most 100");
            assertThat(admin().send("GET", "/admin/v1/provider-instances/cheap/fees", null).data().get("methods").get(0)
                    .get("percent").asString()).isEqualTo("2");
        }
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    // ---- helpers ----

    private String operator() {
        String email = "ops-" + run + "@example.com";
        Http.Response r = admin().send("POST", "/admin/v1/users",
                "{\"email\":\"" + email + "\",\"role\":\"operator\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return email;
    }

    private void signIn(String email) {
        page.navigate(url("/dashboard/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page).hasURL(url("/dashboard/stores"));
    }

    private static String create(Merchant m, String body) {
        Http.Response r = m.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data().get("payment_id").asString();
    }

    private String placedAt(String payment) {
        return jdbc.sql("select instance from provider_payments where payment_id = :p").param("p", UUID.fromString(payment))
                .query(String.class).single();
    }

    /** The provider's signed "paid" callback for the payment, with the invoice id it gave. */
    private String paid(String payment) throws Exception {
        String uuid = jdbc.sql("select external_id from provider_payments where payment_id = :p")
                .param("p", UUID.fromString(payment)).query(String.class).single();
        String unsigned = "{\"type\":\"payment\",\"uuid\":\"" + uuid + "\",\"order_id\":\"" + payment + "\","
                + "\"amount\":\"100.00\",\"payment_amount\":\"100.00\",\"merchant_amount\":\"99.50\",\"is_final\":true,"
                + "\"status\":\"paid\",\"network\":\"tron\",\"currency\":\"USDT\",\"payer_currency\":\"USDT\","
                + "\"txid\":\"tx-" + run + "\"}";
        String base64 = java.util.Base64.getEncoder().encodeToString(unsigned.getBytes(StandardCharsets.UTF_8));
        String sign = HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest((base64 + KEY).getBytes(StandardCharsets.UTF_8)));
        return unsigned.substring(0, unsigned.length() - 1) + ",\"sign\":\"" + sign + "\"}";
    }

    private Http.Response callback(String instance, String body) {
        return http().send("POST", "/callbacks/" + instance, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
    }

    private static ResponseDefinitionBuilder invoice() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"state": 0, "result": {"uuid": "{{randomValue type='UUID'}}",
                 "order_id": "{{jsonPath request.body '$.order_id'}}", "amount": "{{jsonPath request.body '$.amount'}}",
                 "payer_amount": null, "payer_currency": "USDT", "currency": "USDT", "network": "tron",
                 "address": "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf", "txid": null, "payment_status": "check",
                 "url": "https://pay.cryptomus.com/pay/{{randomValue type='UUID'}}", "expired_at": 4102444800,
                 "status": "check", "is_final": false}}""").withTransformers("response-template");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
