package dev.paymux.cryptomus;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.PaymentIntent;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

/**
 * Test data for the Cryptomus adapter: stub bodies from {@code wiremock/cryptomus/}, the test credentials,
 * and callbacks signed the way Cryptomus signs them, computed here independently of the adapter's code.
 */
final class CryptomusFixtures {

    static final String MERCHANT = "8b03432e-385b-4670-8d06-064591096795";
    static final String API_KEY = "test-api-key-0123456789";
    static final String INSTANCE = "cryptomus-test";

    private CryptomusFixtures() {
    }

    /** A config for tests: 1 s timeouts, 2 quick attempts, a circuit that needs {@code window} calls to judge. */
    static CryptomusConfig config(String baseUrl, int window) {
        return CryptomusConfig.defaults(INSTANCE, baseUrl, MERCHANT, API_KEY)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                .withRetry(2, Duration.ofMillis(10))
                .withBreaker(50f, window, Duration.ofMinutes(1));
    }

    static PaymentIntent usdtIntent(String reference) {
        return new PaymentIntent(reference, new BigDecimal("25"), "USDT_TRC20", "USDT_TRC20", Duration.ofHours(1),
                "https://paymux.example/callbacks/cryptomus", "https://shop.example/return", "Order 7");
    }

    /** Cryptomus's uuid for a reference in these stubs. */
    static String uuidFor(String reference) {
        return UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A stub body with its {@code ${name}} placeholders filled. */
    static String stub(String name, Map<String, String> vars) {
        try (InputStream in = CryptomusFixtures.class.getResourceAsStream("/wiremock/cryptomus/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub " + name);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Map.Entry<String, String> e : vars.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The callback body for a reference and status, as Cryptomus encodes it before adding {@code sign}. */
    static String unsignedCallbackBody(String reference, String status) {
        return stub("callback-unsigned.json", Map.of("uuid", uuidFor(reference), "order_id", reference,
                "status", status, "payment_amount", "25.00000000", "txid", "9f2c" + status.length() + "ab"));
    }

    /** md5(base64(bytes) + key), hex: Cryptomus's signature, written out here without the adapter's help. */
    static String md5Sign(byte[] json, String key) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            String base64 = Base64.getEncoder().encodeToString(json);
            return HexFormat.of().formatHex(md5.digest((base64 + key).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code body} with a {@code sign} member appended, as Cryptomus sends it. */
    static String withSign(String body, String sign) {
        int end = body.lastIndexOf('}');
        return body.substring(0, end) + ",\"sign\":\"" + sign + "\"" + body.substring(end);
    }

    static String signed(String unsignedBody) {
        return withSign(unsignedBody, md5Sign(unsignedBody.getBytes(StandardCharsets.UTF_8), API_KEY));
    }

    static CallbackRequest callback(String body) {
        return CallbackRequest.json(body, Map.of("Content-Type", "application/json"));
    }
}
