package dev.paymux.api.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The donation page {@code /donate/{api_key}} as HTML, and its form posted without script. */
class DonatePageTest extends DonationApiTest {

    private static final Pattern PAY = Pattern.compile("^/pay/([0-9a-f-]{36})$");

    @Test
    void theStoresPageShowsItsNameTextAmountsAndCurrenciesAndAnySiteMayFrameIt() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC", "USDT_ERC20"), 1);
        assertThat(patchStore(m, "{\"donations_enabled\":true,\"donation_text\":\"Help <b>us</b> & \\\"friends\\\"\"}")
                .status()).isEqualTo(200);
        Http.Response r = http().get("/donate/" + m.apiKey());
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.header("Content-Security-Policy")).isEqualTo("frame-ancestors *");
        assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
        String html = r.body();
        assertThat(html).contains("<html lang=\"en\"").contains("Donate to ")
                .contains("Help &lt;b&gt;us&lt;/b&gt; &amp; &quot;friends&quot;").doesNotContain("<b>us</b>");
        assertThat(presets(html)).containsExactly("5", "10", "25");
        // The store's donation currencies only: USDT on Ethereum takes no donations.
        assertThat(html).contains("value=\"USDT_TRC20\"").contains("value=\"BTC\"").doesNotContain("value=\"USDT_ERC20\"")
                .doesNotContain("value=\"ETH\"");
        assertThat(html).contains("name=\"donor_message\"").contains("maxlength=\"500\"")
                .contains("action=\"/donate/" + m.apiKey() + "\"").contains("/assets/donate.js");
        // Without a text of its own the store gets the default sentence.
        patchStore(m, "{\"donation_text\":null}");
        assertThat(http().get("/donate/" + m.apiKey()).body()).contains("Your donation supports ");
        // And in another language.
        Http.Response ru = http().send("GET", "/donate/" + m.apiKey(), null, Map.of("Accept-Language", "ru-RU,ru;q=0.9"));
        assertThat(ru.body()).contains("<html lang=\"ru\"").contains("Пожертвовать");
    }

    @Test
    void theWidgetsTextAmountsAndColourAreUsedWhenValidAndIgnoredOtherwise() {
        Merchant m = donating("USDT_TRC20");
        String good = http().get("/donate/" + m.apiKey() + "?embed=1&amounts=3,7.5,100&color=%23E11D48&amount=7.5&text="
                + enc("<script>alert(1)</script> thanks")).body();
        assertThat(presets(good)).containsExactly("3", "7.5", "100");
        assertThat(good).contains("--brand: #e11d48").contains("class=\"embed\"")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; thanks").doesNotContain("<script>alert");
        assertThat(checked(good)).contains("7.5");
        // The options are kept for the form without script.
        assertThat(good).contains("action=\"/donate/" + m.apiKey() + "?embed=1&amp;text=");

        for (String query : List.of("amounts=5,abc", "amounts=1,2,3,4,5,6,7", "amounts=-5", "amounts=0", "amounts=1e3",
                "amounts=", "amounts=5,,10", "amounts=12345678")) {
            assertThat(presets(http().get("/donate/" + m.apiKey() + "?" + query).body())).as(query)
                    .containsExactly("5", "10", "25");
        }
        for (String color : List.of("red", "#e11d4", "#e11d48;x", "%23e11d48%3Bbackground:url(x)", "#fff",
                "e11d48", "%23zzzzzz")) {
            String html = http().get("/donate/" + m.apiKey() + "?color=" + color.replace("#", "%23")).body();
            assertThat(html).as(color).doesNotContain("--brand");
        }
        // A chosen amount that is no preset is filled in as the custom amount; a bad one is ignored.
        String other = http().get("/donate/" + m.apiKey() + "?amount=42").body();
        assertThat(other).contains("id=\"custom-amount\"").containsPattern("name=\"custom_amount\"[^>]*value=\"42\"");
        String bad = http().get("/donate/" + m.apiKey() + "?amount=" + enc("1\"><script>")).body();
        assertThat(bad).doesNotContain("<script>").doesNotContainPattern("name=\"custom_amount\"[^>]*value=\"[^\"]");
        // Too long a text is ignored: the store's own is shown.
        String longText = http().get("/donate/" + m.apiKey() + "?text=" + "x".repeat(501)).body();
        assertThat(longText).contains("Your donation supports ").doesNotContain("x".repeat(501));
    }

    @Test
    void anUnknownKeyOrAStoreWithoutDonationsIsAFriendly404() {
        Merchant off = newStore(List.of("USDT_TRC20"), 1);
        for (String key : List.of("pk_no_such_key", off.apiKey(), enc("<script>"),
                "x".repeat(300))) {
            Http.Response r = http().get("/donate/" + key);
            assertThat(r.status()).as(key).isEqualTo(404);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.header("Content-Security-Policy")).isEqualTo("frame-ancestors *");
            assertThat(r.body()).contains("Donations are not available").doesNotContain("<script>");
        }
        // The API's path stays the API's.
        assertThat(http().get("/donate/create").status()).isEqualTo(405);
        Http.Response post = form("/donate/pk_no_such_key", "fiat_amount=10&currency=USDT_TRC20");
        assertThat(post.status()).isEqualTo(404);
        assertThat(post.body()).contains("Donations are not available");
        assertThat(form("/donate/" + off.apiKey(), "fiat_amount=10&currency=USDT_TRC20").status()).isEqualTo(404);
        assertThat(paymentsOf(off)).isZero();
    }

    @Test
    void theFormWithoutScriptCreatesTheDonationAndSendsTheDonorToItsCheckout() {
        Merchant m = donating("USDT_TRC20", "BTC");
        Http.Response r = form("/donate/" + m.apiKey() + "?lang=de",
                "fiat_amount=10&custom_amount=&fiat_currency=EUR&currency=USDT_TRC20&donor_name=Ana"
                        + "&donor_message=" + enc("Keep going!\r\n<script>alert(1)</script>"));
        assertThat(r.status()).as(r.body()).isEqualTo(303);
        String location = r.header("Location");
        assertThat(location).endsWith("?lang=de");
        Matcher id = PAY.matcher(location.replace("?lang=de", ""));
        assertThat(id.matches()).as(location).isTrue();

        JsonNode d = payment(m, id.group(1));
        assertThat(d.get("donation").asBoolean()).isTrue();
        assertThat(d.get("currency").asString()).isEqualTo("USDT_TRC20");
        assertThat(d.get("fiat_amount").decimalValue()).isEqualByComparingTo("10");
        assertThat(d.get("fiat_currency").asString()).isEqualTo("EUR");
        assertThat(d.get("donor_name").asString()).isEqualTo("Ana");
        assertThat(d.get("donor_message").asString()).isEqualTo("Keep going!\r\n<script>alert(1)</script>");

        // The checkout page says who gave and what they wrote, as text.
        String checkout = http().get("/pay/" + id.group(1)).body();
        assertThat(checkout).contains("Donation from Ana")
                .contains("Keep going!\r\n&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert");

        // A typed amount wins over the preset, a decimal comma is read as a point; an anonymous donor.
        Http.Response custom = form("/donate/" + m.apiKey(), "fiat_amount=25&custom_amount=12%2C50&currency=BTC");
        assertThat(custom.status()).as(custom.body()).isEqualTo(303);
        Matcher second = PAY.matcher(custom.header("Location"));
        assertThat(second.matches()).isTrue();
        JsonNode btc = payment(m, second.group(1));
        assertThat(btc.get("fiat_amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(btc.get("fiat_currency").asString()).isEqualTo("USD");
        assertThat(btc.get("currency").asString()).isEqualTo("BTC");
        assertThat(btc.has("donor_name")).isFalse();
        assertThat(http().get("/pay/" + second.group(1)).body()).contains("Anonymous donation");
        assertThat(paymentsOf(m)).isEqualTo(2);
    }

    @Test
    void badFormInputShowsTheErrorKeepsWhatWasTypedAndWritesNothing() {
        Merchant m = donating("USDT_TRC20");
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("fiat_amount=custom&custom_amount=abc&currency=USDT_TRC20&donor_name=" + enc("<i>Kim</i>"), "amount");
        cases.put("fiat_amount=custom&currency=USDT_TRC20", "fiat_amount");
        cases.put("fiat_amount=10&currency=DOGE", "currency");
        cases.put("fiat_amount=10&currency=BTC", "not accepted");
        cases.put("fiat_amount=10", "currency is required");
        cases.put("fiat_amount=10&currency=USDT_TRC20&fiat_currency=XYZ", "fiat_currency");
        cases.put("fiat_amount=10&currency=USDT_TRC20&donor_message=" + "m".repeat(501), "at most 500");
        cases.put("fiat_amount=10&currency=USDT_TRC20&donor_name=a%00b", "control characters");
        cases.put("fiat_amount=10&currency=USDT_TRC20&donor_name=%E0%A4%A", "not well-formed");
        cases.put("fiat_amount=-5&currency=USDT_TRC20", "fiat_amount");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Http.Response r = form("/donate/" + m.apiKey(), c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("text/html");
            assertThat(r.body()).as(c.getKey()).contains("The donation could not be created.")
                    .containsPattern("id=\"error\"[^>]*>The donation could not be created\\.[^<]*" + Pattern.quote(c.getValue()));
        }
        String first = form("/donate/" + m.apiKey(), cases.keySet().iterator().next()).body();
        assertThat(first).contains("value=\"&lt;i&gt;Kim&lt;/i&gt;\"").doesNotContain("<i>Kim");
        Http.Response json = http().send("POST", "/donate/" + m.apiKey(), "{}".getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/json"));
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).contains("The donation could not be created.");
        assertThat(paymentsOf(m)).isZero();
    }

    // ---- helpers ----

    private Merchant donating(String... assets) {
        Merchant m = newStore(List.of(assets), 1);
        enableDonations(m);
        return m;
    }

    private Http.Response form(String path, String body) {
        return http().send("POST", path, body.getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    /** The preset amounts offered, in order. */
    private static List<String> presets(String html) {
        Matcher m = Pattern.compile("<input type=\"radio\" name=\"fiat_amount\" id=\"amount-\\d+\" value=\"([^\"]*)\"")
                .matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static List<String> checked(String html) {
        Matcher m = Pattern.compile("name=\"fiat_amount\" id=\"amount-\\d+\" value=\"([^\"]*)\" checked").matcher(html);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
