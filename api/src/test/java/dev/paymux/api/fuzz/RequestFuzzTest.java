package dev.paymux.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.auth.RequestSignature;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.SeparateDatabase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Thousands of malformed, hostile and merely odd requests (fixed seed, so a failure repeats) over the
 * merchant API, the provider callbacks, donations and the admin API. None may answer 5xx, every refusal
 * is the JSON error (a provider's callback gets a short plain answer), and a refused request writes
 * nothing (callbacks excepted: every callback is kept).
 */
class RequestFuzzTest extends ApiTest {

    private static final long SEED = 20_261_207L;
    private static final int REQUESTS = 3_000;

    /** Tables a request writes in its own transaction; background jobs and the callback log are left out. */
    private static final List<String> TABLES = List.of("accounts", "stores", "store_assets", "receiving_addresses",
            "payments", "payment_events", "journal_entries", "postings", "operator_tokens", "webhook_events",
            "payouts", "store_xpubs", "provider_payments", "provider_instances", "provider_instance_audit",
            "store_routing", "store_routing_audit", "store_routing_weights", "route_decisions", "route_candidates",
            "route_attempts");

    private static final SeparateDatabase DATABASE = SeparateDatabase.start();

    @DynamicPropertySource
    static void instances(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
        // Providers that are never reached: only their callbacks are fuzzed.
        String p = "paymux.providers.instances.soprano-fuzz.";
        registry.add(p + "type", () -> "soprano");
        registry.add(p + "base-url", () -> "http://127.0.0.1:9/api/v1");
        registry.add(p + "api-key", () -> "fuzz-key");
        registry.add(p + "merchant-id", () -> "7");
        registry.add(p + "webhook-secret", () -> "fuzz-secret");
        registry.add(p + "methods[0].currency", () -> "RUB");
        String c = "paymux.providers.instances.cryptomus-fuzz.";
        registry.add(c + "type", () -> "cryptomus");
        registry.add(c + "base-url", () -> "http://127.0.0.1:9");
        registry.add(c + "merchant-id", () -> "8b03432e-385b-4670-8d06-064591096795");
        registry.add(c + "api-key", () -> "fuzz-payment-key");
    }

    @Autowired
    JdbcClient jdbc;

    private Random random;
    private Merchant merchant;
    /** The store the admin requests change, so the merchant's store keeps taking payments natively. */
    private Merchant administered;
    private RawHttp raw;

    @Test
    void noRequestIsA5xxAndNoRefusedRequestWritesAnything() {
        random = new Random(SEED);
        raw = new RawHttp(port);
        merchant = newStore(List.of("USDT_TRC20"), 3);
        administered = newStore(List.of("USDT_TRC20"), 0);
        // Thousands of requests from one key: above the default per-key limit, which is not what this tests.
        assertThat(admin().send("PUT", "/admin/v1/stores/" + merchant.storeId() + "/limits",
                "{\"merchant_per_key\":\"100000/1m\"}").status()).isEqualTo(200);
        String countSql = "select " + String.join(" + ", TABLES.stream()
                .map(t -> "(select count(*) from " + t + ")").toList());
        List<Supplier<Sent>> kinds = List.of(this::signedCreate, this::signedRead, this::badlySigned, this::callback,
                this::donation, this::adminWrite, this::adminRead);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS && failures.size() < 20; i++) {
            long before = jdbc.sql(countSql).query(Long.class).single();
            Sent sent = kinds.get(random.nextInt(kinds.size())).get();
            RawHttp.Response r = sent.response();
            if (r.status() >= 500) {
                failures.add(r.status() + " for " + sent.describe() + ": " + abbreviate(r.body()));
                continue;
            }
            if (r.status() >= 400) {
                if (!sent.ownFormat() && !(r.contentType().startsWith("application/json") && r.body().contains("\"success\":false"))) {
                    failures.add("not the JSON error (" + r.status() + " " + r.contentType() + ") for " + sent.describe()
                            + ": " + abbreviate(r.body()));
                }
                long after = jdbc.sql(countSql).query(Long.class).single();
                if (after != before) {
                    failures.add((after - before) + " rows written by a refused request (" + r.status() + ") "
                            + sent.describe() + ": " + abbreviate(r.body()));
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    /**
     * One request sent and its answer; {@code ownFormat}: the answer goes to a provider (a callback), which
     * gets a short plain answer rather than the merchant API's JSON error.
     */
    private record Sent(String method, String target, byte[] body, RawHttp.Response response, boolean ownFormat) {

        String describe() {
            String b = body == null ? "" : new String(body, StandardCharsets.UTF_8);
            return method + " " + abbreviate(target) + " " + abbreviate(b);
        }
    }

    // ---- request kinds ----

    private Sent signedCreate() {
        return signed("POST", "/api/v1/payment/create", createBody());
    }

    private Sent signedRead() {
        String path = pick("/api/v1/payments", "/api/v1/payments", "/api/v1/merchant/balance", "/api/v1/rates",
                "/api/v1/payment/" + pick("not-a-uuid", "00000000-0000-0000-0000-000000000000", "%ff", "%00", "..%2f"),
                "/api/v1/webhooks/deliveries", "/api/v1/webhooks/endpoint");
        return signed("GET", path + query(), null);
    }

    private Sent badlySigned() {
        byte[] body = createBody();
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        int flaw = random.nextInt(5);
        if (flaw != 0) {
            h.put("X-Api-Key", flaw == 1 ? "nope" : merchant.apiKey());
        }
        String ts = String.valueOf(clock.instant().getEpochSecond());
        h.put("X-Timestamp", flaw == 2 ? pick("", "abc", "-1", "99999999999999999999", "1e10") : ts);
        h.put("X-Signature", flaw == 3 ? pick("", "00", "zz", "a".repeat(64))
                : RequestSignature.sign(flaw == 4 ? "wrong" : merchant.apiSecret(), ts, "POST", "/api/v1/payment/create", body));
        return send("POST", "/api/v1/payment/create", h, body, false);
    }

    private Sent callback() {
        String instance = pick("soprano-fuzz", "cryptomus-fuzz", "native", "nowhere", "%ff", "a%00b");
        byte[] body = pick(
                json("{\"payment_id\":" + value() + ",\"status\":" + value() + ",\"amount\":" + value()
                        + ",\"currency\":\"RUB\",\"timestamp\":" + value() + "}"),
                json("{\"type\":\"payment\",\"uuid\":" + value() + ",\"order_id\":" + value() + ",\"status\":"
                        + value() + ",\"sign\":" + value() + "}"),
                json("{\"payment_id\":\"pay\u0000x\",\"status\":\"success\"}"),
                new byte[] {'{', '"', 'a', '"', ':', '"', 0, '"', '}'},
                new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2},
                json(nested(random.nextInt(2_000))),
                json(""));
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", pick("application/json", "text/plain", "application/x-www-form-urlencoded"));
        if (random.nextBoolean()) {
            h.put("X-Webhook-Secret", pick("fuzz-secret", "guess", ""));
        }
        return send("POST", "/callbacks/" + instance, h, body, true);
    }

    private Sent donation() {
        String body = "{\"api_key\":" + pick("\"" + merchant.apiKey() + "\"", value()) + ",\"currency\":"
                + pick("\"USDT_TRC20\"", value()) + ",\"" + pick("fiat_amount", "amount") + "\":" + amount()
                + ",\"donor_name\":" + value() + ",\"donor_message\":" + value() + "}";
        return send("POST", "/donate/create", Map.of("Content-Type", "application/json"), json(body), false);
    }

    private Sent adminWrite() {
        String store = administered.storeId();
        int k = random.nextInt(6);
        return switch (k) {
            case 0 -> admin("POST", "/admin/v1/stores", "{\"name\":" + value() + ",\"assets\":"
                    + pick("[\"USDT_TRC20\"]", "[]", "[" + value() + "]", value()) + ",\"lifetime_seconds\":"
                    + pick("3600", "9223372036854775808", "-1", "1.5", "1e400", "\"x\"", value()) + "}");
            case 1 -> admin("PATCH", "/admin/v1/stores/" + store, "{\"" + pick("name", "lifetime_seconds",
                    "donations_enabled", "underpaid_tolerance_percent", "pricing_currency") + "\":" + value() + "}");
            case 2 -> admin("PUT", "/admin/v1/stores/" + store + "/routing", "{\"enabled\":" + value()
                    + ",\"pinned\":" + value() + ",\"weights\":{" + value() + ":" + value() + "}}");
            case 3 -> admin("PUT", "/admin/v1/stores/" + store + "/provider", "{\"instance\":" + value() + "}");
            case 4 -> admin("POST", "/admin/v1/provider-instances", "{\"name\":" + value() + ",\"type\":"
                    + pick("\"soprano\"", value()) + ",\"settings\":{\"base-url\":" + pick("\"file:///etc/passwd\"",
                    "\"gopher://x\"", "\"not a url\"", "\"http://\"", value()) + ",\"api-key\":" + value() + "}}");
            default -> admin("PUT", "/admin/v1/stores/" + store + "/commission", "{\"percent\":" + amount() + "}");
        };
    }

    private Sent adminRead() {
        String path = pick("/admin/v1/stores", "/admin/v1/providers/callbacks", "/admin/v1/webhooks/deliveries",
                "/admin/v1/chain/transfers", "/admin/v1/stores/" + pick(administered.storeId(), "x", "%ed%a0%80"),
                "/admin/v1/provider-instances/audit", "/admin/v1/routing/metrics");
        String q = random.nextInt(3) == 0 ? "?" + pick("instance", "outcome", "limit", "store_id", "status")
                + "=" + pick("%ED%A0%80", "%ff", "%", "-1", "999999999999999999999", "%00") : query();
        return admin("GET", path + q, null);
    }

    // ---- building blocks ----

    private Sent signed(String method, String target, byte[] body) {
        String ts = String.valueOf(clock.instant().getEpochSecond());
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        byte[] signedBytes = body == null ? new byte[0] : body;
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Api-Key", merchant.apiKey());
        h.put("X-Timestamp", ts);
        h.put("X-Signature", RequestSignature.sign(merchant.apiSecret(), ts, method, path, signedBytes));
        return send(method, target, h, body, false);
    }

    private Sent admin(String method, String target, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Authorization", "Bearer " + ADMIN_TOKEN);
        return send(method, target, h, body == null ? null : json(body), false);
    }

    private Sent send(String method, String target, Map<String, String> headers, byte[] body, boolean ownFormat) {
        return new Sent(method, target, body, raw.send(method, target, headers, body), ownFormat);
    }

    private byte[] createBody() {
        if (random.nextInt(10) == 0) {
            return pick(json("{"), json("[]"), json("null"), json("\"x\""), new byte[] {(byte) 0xc3, 0x28},
                    json("{\"amount\":\"10\"" + ",\"x\":1".repeat(2_000) + "}"), json(nested(5_000)));
        }
        StringBuilder b = new StringBuilder("{");
        List<String> fields = new ArrayList<>(List.of("amount", "order_id", "currency", "fiat_amount",
                "fiat_currency", "metadata", "lifetime_seconds", "\u0000", "\\ud800"));
        int n = 1 + random.nextInt(4);
        for (int i = 0; i < n; i++) {
            String f = fields.remove(random.nextInt(fields.size()));
            if (i > 0) {
                b.append(',');
            }
            b.append('"').append(f).append("\":").append(f.contains("amount") ? amount() : value());
        }
        return json(b.append('}').toString());
    }

    private String amount() {
        return pick("\"10\"", "\"0.001\"", "\"0.0000001\"", "\"1e5\"", "1e5", "\"-1\"", "0", "\"\"", "1e400",
                "\"99999999999999999999999999999999\"", "10.5", "\"NaN\"", "\"Infinity\"", "null", "true", "[]", "{}",
                "\"1,5\"", "\" 10\"", "\"\\u0000\"", "\"\\ud800\"");
    }

    /** A JSON value, often a hostile one. */
    private String value() {
        return pick("\"x\"", "\"\"", "null", "true", "0", "-1", "1.5", "1e400", "9223372036854775808", "[]", "{}",
                "\"\\ud800x\"", "\"\\udfffx\"", "\"?x\"", "\"a\\u0000b\"", "\"" + "z".repeat(5_000) + "\"",
                "\"USDT_TRC20\"", "\"RUB\"", "\"\u00e9\u4e2d\ud83d\ude00\"", "{\"k\":\"\\ud800\"}", "{\"\\u0000\":1}",
                "[\"\\udfff\"]", "\"%ff\"", "\"../../etc\"", "\"<script>\"", "\"success\"", "\"failed\"");
    }

    private String query() {
        if (random.nextInt(4) == 0) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            parts.add(pick("page=%ff", "a=%", "=x", "page=-1", "page=0", "per_page=1000000000000", "per_page=abc",
                    "status=%ED%A0%80", "status=nope", "date_from=garbage", "date_to=2026-13-45", "%zz=1", "&&",
                    "page=1&page=2", "currency=%00", "kind=" + "x".repeat(3_000), "q=" + "%41".repeat(3_000),
                    "page=%C3%28", "date_from=2026-01-01T00:00:00Z", "per_page=100"));
        }
        return "?" + String.join("&", parts);
    }

    private static String nested(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private static String abbreviate(String s) {
        String flat = s.replace('\n', ' ');
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
