package dev.paymux.cryptomus;

import feign.RequestInterceptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Cryptomus's signature: {@code md5(base64(json) + apiKey)} in lower-case hex, over the exact JSON bytes.
 * Requests carry it in the {@code sign} header; callbacks in a {@code sign} member of the body.
 */
final class CryptomusSignature {

    private final String merchantId;
    private final byte[] apiKey;

    CryptomusSignature(String merchantId, String apiKey) {
        this.merchantId = merchantId;
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
    }

    /** The signature of {@code json} (the bytes as sent or received). */
    String sign(byte[] json) {
        MessageDigest md5 = md5();
        md5.update(Base64.getEncoder().encode(json));
        md5.update(apiKey);
        return HexFormat.of().formatHex(md5.digest());
    }

    /** Whether {@code claimed} is the signature of {@code json}, compared in constant time. */
    boolean matches(byte[] json, String claimed) {
        byte[] expected = sign(json).getBytes(StandardCharsets.US_ASCII);
        byte[] given = claimed.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    /** Signs the body the encoder produced, so the signature covers exactly the bytes on the wire. */
    RequestInterceptor interceptor() {
        return template -> {
            byte[] body = template.body() == null ? new byte[0] : template.body();
            template.header("merchant", merchantId);
            template.header("sign", sign(body));
        };
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is a required JDK algorithm", e);
        }
    }
}
