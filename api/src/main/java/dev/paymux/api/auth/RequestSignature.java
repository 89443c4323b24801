package dev.paymux.api.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The seed's request signature: lowercase hex HMAC-SHA256 of {@code timestamp + METHOD + path + body},
 * keyed with the store's API secret, over the body bytes exactly as received.
 */
public final class RequestSignature {

    private RequestSignature() {
    }

    public static String sign(String secret, String timestamp, String method, String path, byte[] body) {
        Mac mac = hmac(secret);
        mac.update((timestamp + method + path).getBytes(StandardCharsets.UTF_8));
        mac.update(body);
        return HexFormat.of().formatHex(mac.doFinal());
    }

    /** Constant-time comparison; hex case does not matter. */
    public static boolean matches(String expectedHex, String givenHex) {
        return MessageDigest.isEqual(expectedHex.getBytes(StandardCharsets.US_ASCII),
                givenHex.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public static String hmacHex(String secret, byte[] data) {
        Mac mac = hmac(secret);
        return HexFormat.of().formatHex(mac.doFinal(data));
    }

    private static Mac hmac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
