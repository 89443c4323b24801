package dev.paymux.exchanger;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PaymentIntent;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Routes, intents, stub bodies and IPNs written from the exchanger's document, shared by the tests. */
final class ExchangerFixtures {

    static final String INSTANCE = "exchanger-test";
    static final String IPN_SECRET = "ipn-secret-for-tests";
    static final String CARD_ROUTE = "5f1a000000000000000000a1";
    static final String BTC_ROUTE = "5f1a000000000000000000b2";
    static final String WALLET_FIELD = "5f1a00000000000000000002";
    static final String WALLET = "TMzz9MrUhHMBDZwDsX1PAJ3wVDBXdEm9iN";
    static final String CALLBACK_URL = "https://paymux.test/callbacks/exchanger/" + INSTANCE;
    static final long TIMESTAMP = 1571328406072L;

    private ExchangerFixtures() {
    }

    /** Card roubles -> USDT TRC20 (1000 .. 300000 RUB, 1.5 % + 2 % spread) and BTC -> USDT TRC20. */
    static List<ExchangerRoute> routes() {
        FeeSchedule cardFees = new FeeSchedule(new BigDecimal("1.5"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("2"));
        FeeSchedule btcFees = new FeeSchedule(new BigDecimal("0.5"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("0.0001"), BigDecimal.ONE);
        return List.of(
                ExchangerRoute.of(CARD_ROUTE, "CARDRUB", "USDTTRC20", new BigDecimal("1000"), new BigDecimal("300000"),
                        cardFees).withToValues(Map.of(WALLET_FIELD, WALLET)),
                ExchangerRoute.of(BTC_ROUTE, "BTC", "USDTTRC20", new BigDecimal("0.0005"), new BigDecimal("5"),
                        btcFees).withToValues(Map.of(WALLET_FIELD, WALLET)));
    }

    /** The test configuration: 1 s timeouts, quick retries, a circuit that the kit's tests do not open. */
    static ExchangerConfig config(String baseUrl) {
        return ExchangerConfig.defaults(INSTANCE, baseUrl, IPN_SECRET, routes())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withResilience(new ExchangerConfig.Resilience(2, Duration.ofMillis(20), 50f, 50, 50,
                        Duration.ofSeconds(30)))
                .withPaymentPage("https://www.kryptoswap.io/en/payment/{uid}/{secret}");
    }

    static PaymentIntent cardIntent(String reference) {
        return new PaymentIntent(reference, new BigDecimal("5000.00"), "RUB", "RUB", Duration.ofMinutes(30),
                CALLBACK_URL, "https://shop.test/orders/" + reference, "order " + reference);
    }

    // ---- deterministic order identity per Paymux reference, as a stub exchanger would assign ----

    static String uid(String reference) {
        return Long.toString(1000 + Math.floorMod(reference.hashCode(), 1_000_000_000L));
    }

    static String secret(String reference) {
        return HexFormat.of().formatHex(sha256(reference + "/secret")).substring(0, 24);
    }

    static String orderId(String reference) {
        return HexFormat.of().formatHex(sha256(reference + "/id")).substring(0, 24);
    }

    // ---- stub bodies ----

    static String createdBody(PaymentIntent intent) {
        return fill(resource("order-created.json"), orderValues(intent, "new"));
    }

    static String fetchedBody(PaymentIntent intent, String status) {
        return fill(resource("order-get.json"), orderValues(intent, status));
    }

    static String errorBody(String message) {
        return fill(resource("error-validation.json"), Map.of("message", message));
    }

    static String resource(String name) {
        try (InputStream in = ExchangerFixtures.class.getResourceAsStream("/wiremock/exchanger/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("missing stub " + name, e);
        }
    }

    private static Map<String, String> orderValues(PaymentIntent intent, String status) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("orderId", orderId(intent.reference()));
        v.put("uid", uid(intent.reference()));
        v.put("secret", secret(intent.reference()));
        v.put("status", status);
        v.put("inAmount", intent.amount().toPlainString());
        v.put("outAmount", "52.37");
        v.put("routeId", CARD_ROUTE);
        v.put("xmlFrom", "CARDRUB");
        v.put("xmlTo", "USDTTRC20");
        return v;
    }

    private static String fill(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> e : values.entrySet()) {
            out = out.replace("${" + e.getKey() + "}", e.getValue());
        }
        return out;
    }

    // ---- IPNs, signed the way the document's Node example signs ----

    /** The IPN fields for the intent's order in {@code status}, without the hash. */
    static Map<String, String> ipnFields(PaymentIntent intent, String status) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("orderUID", uid(intent.reference()));
        f.put("orderId", orderId(intent.reference()));
        f.put("newStatus", status);
        f.put("inAmount", intent.amount().toPlainString());
        f.put("outAmount", "52.37");
        f.put("xml_from", "CARDRUB");
        f.put("xml_to", "USDTTRC20");
        f.put("timestamp", Long.toString(TIMESTAMP));
        f.put("toValues[0][key]", WALLET_FIELD);
        f.put("toValues[0][name]", "USDT TRC20 wallet");
        f.put("toValues[0][value]", WALLET);
        return f;
    }

    /** The document's hash, computed here independently of the adapter. */
    static String documentHash(Map<String, String> f, String secret) {
        String s = f.get("orderId") + ":" + f.get("newStatus") + ":" + f.get("inAmount") + ":" + f.get("outAmount")
                + ":" + f.get("xml_from") + ":" + f.get("xml_to") + ":" + f.get("timestamp") + ":" + secret;
        return HexFormat.of().formatHex(sha256(s));
    }

    static Map<String, String> signed(Map<String, String> fields, String secret) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("hash", documentHash(fields, secret));
        return f;
    }

    static CallbackRequest form(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return new CallbackRequest(Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
                body.toString().getBytes(StandardCharsets.UTF_8), "application/x-www-form-urlencoded", "192.0.2.10");
    }

    /** One admin request to a fresh WireMock server, so the test's first real request is not its warm-up. */
    static void warmUp(String baseUrl) {
        try {
            java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl + "/__admin/mappings")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new IllegalStateException("WireMock did not answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
