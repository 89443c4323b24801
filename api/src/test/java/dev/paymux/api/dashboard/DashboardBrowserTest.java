package dev.paymux.api.dashboard;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import dev.paymux.api.support.Admin;
import dev.paymux.api.support.WebhookReceiver;
import dev.paymux.dashboard.signin.Totp;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import dev.paymux.api.support.BrowserTest;
import dev.paymux.api.support.Browsers;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard in a browser: sign-in, lockout, sign-out, sessions in PostgreSQL, what a merchant may see
 * (by URL too), the payments list's filters and search, operators adding and disabling users, CSRF.
 */
class DashboardBrowserTest extends BrowserTest {

    private static final String PASSWORD = "correct horse battery staple";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransferSink sink;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aMerchantSignsInSeesItsStoresAndSignsOut() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        String email = merchantUser(m, "ana");

        page.navigate(url("/dashboard/stores"));
        assertThat(page).hasURL(url("/dashboard/login"));
        assertThat(page.locator("h1")).hasText("Sign in to Paymux");
        Browsers.screenshot(page, "dashboard-sign-in");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        signIn(email, PASSWORD);
        assertThat(page).hasURL(url("/dashboard/stores"));
        assertThat(page.locator("#stores tbody tr")).hasCount(1);
        assertThat(page.locator("#stores")).containsText(storeName(m));
        assertThat(page.locator(".who")).hasText(email);
        assertThat(sessionsOf(email)).isEqualTo(1);
        Browsers.screenshot(page, "dashboard-stores");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        page.locator("#stores a").first().click();
        assertThat(page.locator("h1")).hasText(storeName(m));
        assertThat(page.locator("#api-key")).hasText(m.apiKey());
        assertThat(page.locator("#assets")).hasText("USDT_TRC20, BTC");
        assertThat(page.content()).doesNotContain(m.apiSecret());
        Browsers.screenshot(page, "dashboard-store");

        page.locator("#sign-out").click();
        assertThat(page).hasURL(url("/dashboard/login?signed-out"));
        assertThat(page.locator("#signed-out")).hasText("You are signed out.");
        assertThat(sessionsOf(email)).isZero();
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        assertThat(page).hasURL(url("/dashboard/login"));
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void wrongPasswordsLockTheUserForAWhile() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String email = merchantUser(m, "lock");
        clock.freeze();
        for (int i = 1; i <= 4; i++) {
            signIn(email, "wrong password " + i);
            assertThat(page.locator("#error")).hasText("Wrong e-mail address, password or one-time code.");
        }
        signIn(email, "wrong password 5");
        assertThat(page.locator("#error")).containsText("locked");
        Browsers.screenshot(page, "dashboard-locked");
        // Locked: even the right password is refused, and says why.
        signIn(email, PASSWORD);
        assertThat(page.locator("#error")).containsText("locked");
        assertThat(page).hasURL(url("/dashboard/login?locked"));
        // An unknown address reads like a wrong password.
        signIn("nobody-" + run + "@example.com", PASSWORD);
        assertThat(page.locator("#error")).hasText("Wrong e-mail address, password or one-time code.");

        clock.advance(Duration.ofMinutes(16));
        signIn(email, PASSWORD);
        assertThat(page).hasURL(url("/dashboard/stores"));
        // The count starts again after a success.
        assertThat(jdbc.sql("select failed_sign_ins from dashboard_users where email = :e").param("e", email)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void aMerchantCannotOpenAnotherMerchantsStoreOrPaymentByUrlButAnOperatorCan() {
        Merchant mine = newStore(List.of("USDT_TRC20"), 1);
        Merchant theirs = newStore(List.of("USDT_TRC20"), 1);
        String theirPayment = create(theirs, "{\"amount\":\"9\",\"currency\":\"USDT_TRC20\",\"order_id\":\"T-1\"}")
                .get("payment_id").asString();
        signIn(merchantUser(mine, "mine"), PASSWORD);
        assertThat(page.locator("#stores")).not().containsText(storeName(theirs));

        for (String path : List.of("/dashboard/stores/" + theirs.storeId(), "/dashboard/stores/" + theirs.storeId() + "/payments",
                "/dashboard/payments/" + theirPayment, "/dashboard/stores/not-a-store", "/dashboard/operator/users")) {
            Response r = page.navigate(url(path));
            assertThat(r.status()).as(path).isIn(403, 404);
            assertThat(page.content()).as(path).doesNotContain(theirs.apiKey()).doesNotContain("T-1");
        }
        assertThat(page.navigate(url("/dashboard/payments/" + theirPayment)).status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Not found");

        openPage(1280, 800);
        signIn(operator(), PASSWORD);
        assertThat(page.navigate(url("/dashboard/payments/" + theirPayment)).status()).isEqualTo(200);
        assertThat(page.locator("#order-id")).hasText("T-1");
    }

    @Test
    void paymentsAreFilteredAndSearchedAndPaged() {
        Merchant m = newStore(List.of("USDT_TRC20"), 5);
        for (int i = 1; i <= 27; i++) {
            create(m, "{\"amount\":\"" + (10 + i) + "\",\"currency\":\"USDT_TRC20\",\"order_id\":\"ORD-" + run + "-" + i + "\"}");
        }
        JsonNode target = m.get("/api/v1/payments?per_page=1").data().get("payments").get(0);
        signIn(merchantUser(m, "pay"), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId() + "/payments"));
        assertThat(page.locator("#total")).hasText("27 payments");
        assertThat(page.locator("#payments tbody tr")).hasCount(25);
        assertThat(page.locator("#page-of")).hasText("Page 1 of 2");
        Browsers.screenshot(page, "dashboard-payments");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        page.locator("#next").click();
        assertThat(page.locator("#payments tbody tr")).hasCount(2);
        assertThat(page.locator("#page-of")).hasText("Page 2 of 2");

        // Search by order id: the list is swapped in place and the URL says what it shows.
        page.locator("#q").fill("ORD-" + run + "-7");
        page.locator("#apply").click();
        assertThat(page.locator("#total")).hasText("1 payment");
        assertThat(page).hasURL(Pattern.compile(".*q=ORD-" + run + "-7.*"));
        assertThat(page.locator("#payments")).containsText("ORD-" + run + "-7");
        // The export takes the same filters.
        String csv = String.valueOf(page.evaluate("href => fetch(href).then(r => r.text())",
                page.locator("#export").getAttribute("href")));
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("payment_id,order_id,status,amount,currency");
        assertThat(csv).contains(",ORD-" + run + "-7,pending,");
        // By address and by payment id.
        for (String q : List.of(target.get("pay_address").asString(), target.get("payment_id").asString())) {
            page.locator("#q").fill(q);
            page.locator("#apply").click();
            assertThat(page.locator("#payments tbody tr[data-payment-id='" + target.get("payment_id").asString() + "']"))
                    .hasCount(1);
        }
        page.locator("#q").fill("");
        page.locator("#status").selectOption("completed");
        assertThat(page.locator("#total")).hasText("0 payments");
        page.locator("#status").selectOption("pending");
        assertThat(page.locator("#total")).hasText(Pattern.compile("^\\d+ payments?$"));
        long pending = m.get("/api/v1/payments?status=pending").data().get("total").asLong();
        assertThat(page.locator("#total")).hasText(pending + (pending == 1 ? " payment" : " payments"));

        page.locator("#payments a").first().click();
        assertThat(page.locator("h1")).containsText("Payment");
        assertThat(page.locator("#status")).hasText("pending");
        Browsers.screenshot(page, "dashboard-payment");
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void anOperatorAddsAUserWhoseSecretIsShownOnceAndDisablesIt() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        signIn(operator(), PASSWORD);
        page.navigate(url("/dashboard/operator/users"));
        String email = "new-" + run + "@example.com";
        page.locator("#new-email").fill(email);
        page.locator("#new-account").fill(account(m));
        page.locator("#add-user").click();
        assertThat(page.locator("#created")).containsText(email);
        String password = page.locator("#created-password").textContent().strip();
        assertThat(password).hasSizeGreaterThanOrEqualTo(20);
        Browsers.screenshot(page, "dashboard-users");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        page.navigate(url("/dashboard/operator/users"));
        assertThat(page.content()).doesNotContain(password);
        assertThat(jdbc.sql("select password_hash from dashboard_users where email = :e").param("e", email)
                .query(String.class).single()).doesNotContain(password).startsWith("{bcrypt}");

        // A POST without the CSRF token is refused and changes nothing.
        Object status = page.evaluate("() => fetch('/dashboard/operator/users', { method: 'POST', headers: "
                + "{ 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'email=csrf-" + run
                + "%40example.com&role=operator', redirect: 'manual' }).then(r => r.status)");
        assertThat(status).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from dashboard_users where email = :e").param("e", "csrf-" + run + "@example.com")
                .query(Long.class).single()).isZero();

        page.locator("tr[data-email='" + email + "'] button").click();
        assertThat(page.locator("tr[data-email='" + email + "']")).containsText("disabled");

        openPage(480, 900);
        signIn(email, password);
        assertThat(page.locator("#error")).hasText("This user is disabled. Ask an operator.");
    }

    @Test
    void aPaymentsTimelineShowsItsHistoryAndAWebhookIsRedeliveredFromThePage() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            Admin.WebhookStore hooked = admin().createStoreWithWebhook(receiver.url(), clock);
            receiver.secret(hooked.webhookSecret());
            Merchant m = hooked.merchant();
            JsonNode p = create(m, "{\"amount\":\"21\",\"currency\":\"USDT_TRC20\",\"order_id\":\"TL-" + run + "\"}");
            String id = p.get("payment_id").asString();
            long height = 60_000 + Math.floorMod(run.hashCode(), 10_000);
            sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-tl", 0), Asset.USDT_TRC20,
                    p.get("pay_address").asString(), new BigDecimal(p.get("amount").asString()), height,
                    run + "-block-" + height, clock.instant()));
            sink.tip(Chain.TRON, height + 18, null, clock.instant());
            WebhookReceiver.eventually(Duration.ofSeconds(30), () -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains("\"status\":\"completed\"")));
            int before = receiver.received().size();

            signIn(merchantUser(m, "tl"), PASSWORD);
            page.navigate(url("/dashboard/payments/" + id));
            assertThat(page.locator("#status")).hasText("completed");
            assertThat(page.locator("#tx-hash")).hasText(run + "-tl");
            // Made queued, handed its address at once, paid.
            assertThat(page.locator("#timeline li[data-kind=status]").first()).containsText("created: queued");
            assertThat(page.locator("#timeline li[data-kind=status]").nth(1)).containsText("queued → pending");
            assertThat(page.locator("#timeline li[data-kind=status]").last()).containsText("completed");
            assertThat(page.locator("#timeline li[data-kind=chain]")).containsText(run + "-tl:0");
            assertThat(page.locator("#timeline li[data-kind=ledger]").first()).containsText("USDT_TRC20");
            assertThat(page.locator("#timeline li[data-kind=webhook]").first()).containsText("delivered");
            Locator completed = page.locator("#deliveries tbody tr", new com.microsoft.playwright.Page.LocatorOptions()
                    .setHasText("payment.completed"));
            assertThat(completed).hasCount(1);
            String eventId = completed.getAttribute("data-event-id");
            Browsers.screenshot(page, "dashboard-payment-timeline");
            assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

            completed.getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("#redelivered")).isVisible();
            WebhookReceiver.eventually(Duration.ofSeconds(30), () -> receiver.received().size() > before);
            assertThat(receiver.received().get(receiver.received().size() - 1).body()).contains(eventId);

            // Another store's event cannot be redelivered through this payment.
            Object status = page.evaluate("([path, token]) => fetch(path, { method: 'POST', headers: "
                    + "{ 'Content-Type': 'application/x-www-form-urlencoded' }, body: '_csrf=' + token, redirect: 'manual' })"
                    + ".then(r => r.status)", List.of("/dashboard/payments/" + id + "/webhooks/" + UUID.randomUUID() + "/redeliver",
                    page.locator("input[name=_csrf]").first().getAttribute("value")));
            assertThat(status).isEqualTo(404);
        }
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void creatingAStoreShowsItsSecretOnceAndTheSecretSigns() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        signIn(merchantUser(m, "new"), PASSWORD);
        page.locator("#new-store").click();
        page.locator("#create-store").click();
        // The browser asks for the name; without one the server refuses too.
        assertThat(page).hasURL(url("/dashboard/stores/new"));
        String name = "Second shop " + run;
        page.getByLabel("Store name").fill(name);
        page.getByLabel("BTC").check();
        page.locator("#create-store").click();
        assertThat(page.locator("h1")).hasText("Store " + name + " created");
        String storeId = page.locator("#store-id").textContent().strip();
        String apiKey = page.locator("#api-key").textContent().strip();
        String secret = page.locator("#api-secret").textContent().strip();
        assertThat(page.locator("#webhook-secret")).isVisible();
        Browsers.screenshot(page, "dashboard-store-created");

        // In the merchant's own account, taking what was chosen, and signing with the secret shown.
        JsonNode store = admin().send("GET", "/admin/v1/stores/" + storeId, null).data();
        assertThat(store.get("account_id").asString()).isEqualTo(account(m));
        assertThat(store.get("assets").toString()).isEqualTo("[\"USDT_TRC20\",\"BTC\"]");
        Merchant created = new Merchant(http(), storeId, apiKey, secret, clock);
        assertThat(created.get("/api/v1/merchant/balance").status()).isEqualTo(200);

        // Shown once: not on the store's page, nor anywhere later.
        page.locator("#to-store").click();
        assertThat(page.locator("#api-key")).hasText(apiKey);
        assertThat(page.content()).doesNotContain(secret);
        page.navigate(url("/dashboard/stores"));
        assertThat(page.locator("#stores tbody tr")).hasCount(2);
        assertThat(page.content()).doesNotContain(secret);

        // New credentials: the old secret stops working, the new one signs.
        page.navigate(url("/dashboard/stores/" + storeId));
        page.locator("#rotate-credentials").click();
        assertThat(page.locator("h1")).hasText("New API credentials");
        String newKey = page.locator("#api-key").textContent().strip();
        String newSecret = page.locator("#api-secret").textContent().strip();
        assertThat(newSecret).isNotEqualTo(secret);
        assertThat(created.get("/api/v1/merchant/balance").status()).isIn(401, 403);
        assertThat(new Merchant(http(), storeId, newKey, newSecret, clock).get("/api/v1/merchant/balance").status()).isEqualTo(200);
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void balancesWithTheirChartDonationsAndPayoutsShowTheStoresMoney() {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        assertThat(admin().send("PATCH", "/admin/v1/stores/" + m.storeId(), "{\"donations_enabled\":true}").status())
                .isEqualTo(200);
        JsonNode p = create(m, "{\"amount\":\"40\",\"currency\":\"USDT_TRC20\",\"order_id\":\"BAL-" + run + "\"}");
        BigDecimal paid = new BigDecimal(p.get("amount").asString());
        long height = 50_000 + Math.floorMod(run.hashCode(), 10_000);
        sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-bal", 0), Asset.USDT_TRC20,
                p.get("pay_address").asString(), paid, height, run + "-block-" + height, clock.instant()));
        sink.tip(Chain.TRON, height + 18, null, clock.instant());
        WebhookReceiver.eventually(Duration.ofSeconds(30), () -> m.get("/api/v1/payment/" + p.get("payment_id").asString())
                .data().get("status").asString().equals("completed"));
        Http.Response payout = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/payouts",
                "{\"asset\":\"USDT_TRC20\",\"amount\":\"5\",\"reference\":\"PO-" + run + "\",\"note\":\"weekly\"}");
        assertThat(payout.status()).as(payout.body()).isIn(200, 201);
        String xss = "<script>alert(1)</script> keep going";
        Http.Response donated = http().send("POST", "/donate/create", ("{\"api_key\":\"" + m.apiKey() + "\",\"amount\":\"3\","
                + "\"currency\":\"USDT_TRC20\",\"donor_name\":\"Ana\",\"donor_message\":\"" + xss.replace("\"", "\\\"")
                + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of("Content-Type", "application/json", "X-Forwarded-For", "198.51.100.9"));
        assertThat(donated.status()).as(donated.body()).isEqualTo(200);
        JsonNode balance = m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");

        signIn(merchantUser(m, "bal"), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        page.locator("#store-balances").click();
        Locator usdt = page.locator("section[data-currency=USDT_TRC20]");
        assertThat(usdt.locator(".available")).hasText(plain(balance.get("available").decimalValue()));
        assertThat(usdt.locator(".withdrawn")).hasText("5");
        assertThat(usdt.locator(".received")).hasText(plain(balance.get("total_received").decimalValue()));
        // Drawn by uPlot from the WebJar, and the same numbers in the table: today's row is the balance now.
        assertThat(usdt.locator(".balance-chart")).hasAttribute("data-drawn", "true");
        assertThat(usdt.locator(".balance-chart canvas")).hasCount(1);
        assertThat(usdt.locator("table.history tbody tr")).hasCount(30);
        assertThat(usdt.locator("table.history tbody tr").last().locator("td").nth(1))
                .hasText(plain(balance.get("available").decimalValue()));
        Browsers.screenshot(page, "dashboard-balances");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        page.navigate(url("/dashboard/stores/" + m.storeId() + "/donations"));
        assertThat(page.locator("#total")).hasText("1 donation");
        assertThat(page.locator("#donations .donor-name")).hasText("Ana");
        assertThat(page.locator("#donations .donor-message")).hasText(xss);
        assertThat(page.locator("#donations script")).hasCount(0);
        Browsers.screenshot(page, "dashboard-donations");

        page.navigate(url("/dashboard/stores/" + m.storeId() + "/payouts"));
        assertThat(page.locator("#payouts")).containsText("PO-" + run);
        assertThat(page.locator("#payouts")).containsText("5 USDT_TRC20");
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void operatorsSeeFailedDeliveriesAndUnmatchedTransfersAcrossStoresAndRedeliver() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            receiver.respondWith(500);
            Admin.WebhookStore hooked = admin().createStoreWithWebhook(receiver.url(), clock);
            receiver.secret(hooked.webhookSecret());
            Merchant m = hooked.merchant();
            Http.Response test = m.post("/api/v1/webhooks/test", "");
            assertThat(test.status()).as(test.body()).isEqualTo(200);
            String eventId = test.data().get("event_id").asString();
            // Every attempt refused: the dispatcher retries on its schedule (moved along by the test clock)
            // and gives up after the last one.
            // The clock moves only once the attempt is recorded, so the next one is due at once.
            for (int attempt = 1; attempt <= 6; attempt++) {
                int seen = attempt;
                WebhookReceiver.eventually(Duration.ofSeconds(30), () -> m.get("/api/v1/webhooks/deliveries/" + eventId)
                        .data().get("attempts").asInt() >= seen);
                clock.advance(Duration.ofHours(7));
            }
            WebhookReceiver.eventually(Duration.ofSeconds(30), () -> "failed".equals(
                    m.get("/api/v1/webhooks/deliveries/" + eventId).data().get("state").asString()));
            clock.reset();
            // A transfer to the store's address that no payment asked for.
            String stray = Admin.addresses("USDT_TRC20", 1).get(0);
            admin().importAddresses(m.storeId(), "USDT_TRC20", List.of(stray));
            long height = 40_000 + Math.floorMod(run.hashCode(), 10_000);
            sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-stray", 0), Asset.USDT_TRC20, stray,
                    new BigDecimal("7.77"), height, run + "-block-" + height, clock.instant()));

            openPage(1280, 900);
            signIn(operator(), PASSWORD);
            page.navigate(url("/dashboard/operator/operations"));
            Locator failed = page.locator("#failed tr[data-event-id='" + eventId + "']");
            assertThat(failed).containsText("webhook.test");
            assertThat(failed).containsText("500");
            assertThat(page.locator("#unmatched")).containsText(run + "-stray:0");
            assertThat(page.locator("#unmatched")).containsText("7.77 USDT_TRC20");
            Browsers.screenshot(page, "dashboard-operations");
            assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

            receiver.respondWith(200);
            int before = receiver.received().size();
            failed.getByRole(AriaRole.BUTTON).click();
            assertThat(page.locator("#redelivered")).isVisible();
            WebhookReceiver.eventually(Duration.ofSeconds(30), () -> "delivered".equals(
                    m.get("/api/v1/webhooks/deliveries/" + eventId).data().get("state").asString()));
            assertThat(receiver.received().size()).isGreaterThan(before);
            assertThat(receiver.received().get(receiver.received().size() - 1).body()).contains(eventId);

            page.locator("#audit-link").click();
            assertThat(page.locator("h1")).hasText("Audit log");
        }
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void theCsvExportHasEveryPaymentAndCannotRunAFormulaInASpreadsheet() {
        Merchant m = newStore(List.of("USDT_TRC20"), 3);
        create(m, "{\"amount\":\"5\",\"currency\":\"USDT_TRC20\",\"order_id\":\"=HYPERLINK(\\\"http://x.example\\\")\"}");
        create(m, "{\"amount\":\"6\",\"currency\":\"USDT_TRC20\",\"order_id\":\"plain-" + run + "\"}");
        signIn(merchantUser(m, "csv"), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId() + "/payments"));
        var download = page.waitForDownload(() -> page.locator("#export").click());
        String csv;
        try {
            csv = java.nio.file.Files.readString(download.path());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> lines = csv.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(csv).contains("'=HYPERLINK").contains(",plain-" + run + ",");
        assertThat(download.suggestedFilename()).isEqualTo("payments-" + m.storeId() + ".csv");
        // Another merchant's store cannot be exported by URL.
        Merchant other = newStore(List.of("USDT_TRC20"), 1);
        assertThat(page.evaluate("href => fetch(href).then(r => r.status)",
                "/dashboard/stores/" + other.storeId() + "/payments.csv")).isEqualTo(404);
    }

    @Test
    void twoFactorSignInNeedsTheAppsCurrentCodeEachCodeOnce() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String email = merchantUser(m, "totp");
        clock.freeze();
        signIn(email, PASSWORD);
        page.locator(".who").click();
        assertThat(page.locator("#totp-state")).containsText("Off");
        page.locator("#totp-start").click();
        String secret = page.locator("#totp-secret").textContent().strip();
        assertThat(page.locator("#totp-qr")).hasAttribute("data-uri", Totp.uri(secret, email));
        Browsers.screenshot(page, "dashboard-totp-setup");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();
        page.locator("#confirm-code").fill("000000".equals(code(secret, 0)) ? "111111" : "000000");
        page.locator("#totp-confirm").click();
        assertThat(page.locator("#error")).containsText("does not match");
        page.locator("#confirm-code").fill(code(secret, 0));
        page.locator("#totp-confirm").click();
        assertThat(page.locator("#notice")).containsText("Two-factor sign-in is on");
        // Stored sealed, never as the secret itself.
        assertThat(jdbc.sql("select totp_secret from dashboard_users where email = :e").param("e", email)
                .query(String.class).single()).startsWith("tink:").doesNotContain(secret);
        page.locator("#sign-out").click();

        // The password alone no longer signs in, nor does the code that confirmed the set-up.
        signIn(email, PASSWORD);
        assertThat(page.locator("#error")).hasText("Wrong e-mail address, password or one-time code.");
        signInWithCode(email, code(secret, 0));
        assertThat(page.locator("#error")).isVisible();
        // The next step's code does, once.
        clock.advance(Duration.ofSeconds(30));
        signInWithCode(email, code(secret, 0));
        assertThat(page).hasURL(url("/dashboard/stores"));
        page.locator("#sign-out").click();
        signInWithCode(email, code(secret, 0));
        assertThat(page.locator("#error")).isVisible();
        clock.advance(Duration.ofSeconds(30));
        signInWithCode(email, code(secret, 0));
        assertThat(page).hasURL(url("/dashboard/stores"));
    }

    @Test
    void aMerchantChangesItsStoresSettingsWebhookAndWidgetSitesOnItsPage() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        signIn(merchantUser(m, "set"), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        page.getByLabel("BTC").check();
        page.locator("#lifetime").fill("45");
        page.locator("#tolerance").fill("1.5");
        page.locator("#donations").check();
        page.locator("#donation-text").fill("Thanks <b>for</b> the coffee");
        page.locator("#save-settings").click();
        assertThat(page.locator("#saved")).hasText("Saved.");
        JsonNode store = admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data();
        assertThat(store.get("assets").toString()).isEqualTo("[\"USDT_TRC20\",\"BTC\"]");
        assertThat(store.get("lifetime_seconds").asInt()).isEqualTo(2700);
        assertThat(store.get("underpaid_tolerance_percent").decimalValue()).isEqualByComparingTo("1.5");
        assertThat(store.get("donations_enabled").asBoolean()).isTrue();
        assertThat(page.locator("#donation-text")).hasValue("Thanks <b>for</b> the coffee");
        Browsers.screenshot(page, "dashboard-store-settings");
        assertThat(Browsers.seriousAccessibilityViolations(page, json)).as("axe-core").isEmpty();

        // Refused by the API's own rules, and nothing changes.
        page.locator("#tolerance").fill("11");
        page.locator("#save-settings").click();
        assertThat(page.locator("#settings-error")).containsText("from 0 to 10");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().get("underpaid_tolerance_percent")
                .decimalValue()).isEqualByComparingTo("1.5");

        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            page.navigate(url("/dashboard/stores/" + m.storeId()));
            page.locator("#webhook-url").fill("javascript:alert(1)");
            page.locator("#save-webhook").click();
            assertThat(page.locator("#webhook-error")).containsText("not accepted");
            page.locator("#webhook-url").fill(receiver.url());
            page.locator("#save-webhook").click();
            assertThat(page.locator("#saved")).hasText("Saved.");
            assertThat(page.locator("#webhook-url")).hasValue(receiver.url());
            page.locator("#send-test").click();
            assertThat(page.locator("#saved")).containsText("Test event");
            WebhookReceiver.eventually(Duration.ofSeconds(30), () -> receiver.received().stream()
                    .anyMatch(r -> r.body().contains("webhook.test")));

            page.locator("#rotate-webhook-secret").click();
            String secret = page.locator("#webhook-secret").textContent().strip();
            assertThat(secret).startsWith("whsec_");
            page.locator("#to-store").click();
            assertThat(page.content()).doesNotContain(secret);
        }

        page.locator("#accent").fill("red");
        page.locator("#save-branding").click();
        assertThat(page.locator("#branding-error")).containsText("#0a7d5a");
        page.locator("#accent").fill("#E11D48");
        page.locator("#return-url").fill("https://shop.example/thanks");
        page.locator("#save-branding").click();
        assertThat(page.locator("#saved")).hasText("Saved.");
        JsonNode branding = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/branding", null).data();
        assertThat(branding.get("accent_color").asString()).isEqualTo("#e11d48");
        assertThat(branding.get("return_url").asString()).isEqualTo("https://shop.example/thanks");

        page.locator("#origins").fill("HTTPS://Shop.Example:443/\nhttp://127.0.0.1:8081");
        page.locator("#save-widget").click();
        assertThat(page.locator("#saved")).hasText("Saved.");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/widget", null).data().get("allowed_origins")
                .toString()).isEqualTo("[\"http://127.0.0.1:8081\",\"https://shop.example\"]");
        page.locator("#origins").fill("https://shop.example/checkout");
        page.locator("#save-widget").click();
        assertThat(page.locator("#widget-error")).containsText("is not an origin");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/widget", null).data().get("allowed_origins")
                .size()).isEqualTo(2);
        assertThat(foreign).as("requests to other hosts").isEmpty();
    }

    @Test
    void receivingAddressesAreImportedCheckedAndAnExtendedKeySetOnTheStorePage() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        signIn(merchantUser(m, "addr"), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        assertThat(page.locator("#receiving tr[data-asset=USDT_TRC20] .pool")).hasText("1");
        List<String> fresh = Admin.addresses("USDT_TRC20", 2);
        page.locator("#pool-asset").selectOption("USDT_TRC20");
        page.locator("#pool-addresses").fill(fresh.get(0) + "\n" + fresh.get(1) + "\nTnotAnAddress");
        page.locator("#import-addresses").click();
        assertThat(page.locator("#receiving-error")).containsText("not a valid USDT_TRC20 address: TnotAnAddress");
        assertThat(page.locator("#receiving tr[data-asset=USDT_TRC20] .pool")).hasText("1");
        page.locator("#pool-addresses").fill(fresh.get(0) + "\n" + fresh.get(1));
        page.locator("#import-addresses").click();
        assertThat(page.locator("#saved")).hasText("Saved.");
        assertThat(page.locator("#receiving tr[data-asset=USDT_TRC20] .pool")).hasText("3");

        String zpub = zpub();
        page.locator("#xpub-asset").selectOption("BTC");
        page.locator("#xpub").fill("xprv-not-a-key");
        page.locator("#set-xpub").click();
        assertThat(page.locator("#receiving-error")).isVisible();
        page.locator("#xpub").fill(zpub);
        page.locator("#set-xpub").click();
        assertThat(page.locator("#receiving tr[data-asset=BTC] .xpub")).hasText(zpub);
        JsonNode keys = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/xpubs", null).data();
        assertThat(keys.get(0).get("first_address").asString()).startsWith("bc1q");
        assertThat(page.locator("#receiving tr[data-asset=BTC]")).containsText(keys.get(0).get("first_address").asString());
        // The next BTC payment gets a derived address.
        JsonNode btc = create(m, "{\"amount\":\"30\",\"currency\":\"BTC\"}");
        assertThat(btc.get("pay_address").asString()).isEqualTo(keys.get(0).get("first_address").asString());
        Browsers.screenshot(page, "dashboard-store-receiving");
    }

    @Test
    void onlyAnOperatorSetsAStoresCommission() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        signIn(merchantUser(m, "com"), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        assertThat(page.locator("#commission")).hasText("0 %");
        assertThat(page.locator("#save-commission")).hasCount(0);
        Object status = page.evaluate("([path, token]) => fetch(path, { method: 'POST', headers: "
                + "{ 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'percent=0&_csrf=' + token, redirect: 'manual' })"
                + ".then(r => r.status)", List.of("/dashboard/stores/" + m.storeId() + "/commission",
                page.locator("input[name=_csrf]").first().getAttribute("value")));
        assertThat(status).isEqualTo(403);

        openPage(1280, 900);
        signIn(operator(), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        page.locator("#commission-percent").fill("100");
        page.locator("#save-commission").click();
        assertThat(page.locator("#commission-error")).containsText("below 100");
        page.locator("#commission-percent").fill("2.5");
        page.locator("#save-commission").click();
        assertThat(page.locator("#commission")).hasText("2.5 %");
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/commission", null).data().get("commission_percent")
                .decimalValue()).isEqualByComparingTo("2.5");
    }

    @Test
    void unreadableFormsAreA400PageThatChangesNothingNeverA500() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        openPage(1280, 900);
        signIn(operator(), PASSWORD);
        page.navigate(url("/dashboard/stores/" + m.storeId()));
        long users = jdbc.sql("select count(*) from dashboard_users").query(Long.class).single();
        String settingsBefore = admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().toString();
        for (List<String> post : List.of(
                List.of("/dashboard/operator/users", "role=operator"),
                List.of("/dashboard/operator/users/" + UUID.randomUUID() + "/enabled", "enabled=maybe"),
                List.of("/dashboard/operator/providers/native/fees", "percent=1"),
                List.of("/dashboard/stores/" + m.storeId() + "/settings", "assets=USDT_TRC20&lifetime_minutes=abc"),
                List.of("/dashboard/stores/" + m.storeId() + "/routing", "enabled=perhaps"),
                List.of("/dashboard/stores/" + m.storeId() + "/commission", "percent=lots"),
                List.of("/dashboard/stores/not-a-store/settings", "assets=USDT_TRC20"))) {
            Object status = page.evaluate("([path, body, token]) => fetch(path, { method: 'POST', headers: "
                    + "{ 'Content-Type': 'application/x-www-form-urlencoded' }, body: body + '&_csrf=' + token, "
                    + "redirect: 'manual' }).then(r => r.status)",
                    List.of(post.get(0), post.get(1), page.locator("input[name=_csrf]").first().getAttribute("value")));
            assertThat(((Number) status).intValue()).as(post.toString()).isBetween(400, 499);
        }
        Object wrongMethod = page.evaluate("() => fetch('/dashboard/stores/" + m.storeId() + "/settings').then(r => r.status)");
        assertThat(((Number) wrongMethod).intValue()).isEqualTo(405);
        assertThat(jdbc.sql("select count(*) from dashboard_users").query(Long.class).single()).isEqualTo(users);
        assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().toString()).isEqualTo(settingsBefore);
    }

    // ---- helpers ----

    /** A fresh BIP84 account key: one key may serve one store only, and the database is shared. */
    private static String zpub() {
        byte[] seed = new byte[32];
        new java.security.SecureRandom().nextBytes(seed);
        org.bitcoinj.crypto.DeterministicKey k = org.bitcoinj.crypto.HDKeyDerivation.createMasterPrivateKey(seed);
        for (int n : new int[] {84, 0, 0}) {
            k = org.bitcoinj.crypto.HDKeyDerivation.deriveChildKey(k, new org.bitcoinj.crypto.ChildNumber(n, true));
        }
        return k.serializePubB58(org.bitcoinj.base.BitcoinNetwork.MAINNET, org.bitcoinj.base.ScriptType.P2WPKH);
    }

    /** The authenticator app's code now, {@code offset} steps away. */
    private String code(String secret, int offset) {
        return Totp.code(secret, Totp.step(clock.instant()) + offset);
    }

    private void signInWithCode(String email, String code) {
        page.navigate(url("/dashboard/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(PASSWORD);
        page.locator("#code").fill(code);
        page.locator("#sign-in").click();
        page.waitForLoadState();
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    private void signIn(String email, String password) {
        page.navigate(url("/dashboard/login"));
        page.getByLabel("E-mail address").fill(email);
        page.getByLabel("Password").fill(password);
        page.locator("#sign-in").click();
        page.waitForLoadState();
    }

    private String merchantUser(Merchant m, String name) {
        String email = name + "-" + run + "@example.com";
        Http.Response r = admin().send("POST", "/admin/v1/users", "{\"email\":\"" + email + "\",\"role\":\"merchant\","
                + "\"account_id\":\"" + account(m) + "\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).doesNotContain(PASSWORD);
        return email;
    }

    private String operator() {
        String email = "ops-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response r = admin().send("POST", "/admin/v1/users",
                "{\"email\":\"" + email + "\",\"role\":\"operator\",\"password\":\"" + PASSWORD + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return email;
    }

    private String account(Merchant m) {
        return admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().get("account_id").asString();
    }

    private String storeName(Merchant m) {
        return admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().get("name").asString();
    }

    private long sessionsOf(String email) {
        return jdbc.sql("select count(*) from spring_session where principal_name = :e").param("e", email)
                .query(Long.class).single();
    }

    private static JsonNode create(Merchant m, String body) {
        Http.Response r = m.post("/api/v1/payment/create", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
