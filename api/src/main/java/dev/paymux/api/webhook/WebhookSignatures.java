package dev.paymux.api.webhook;

import dev.paymux.api.auth.RequestSignature;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The headers of one delivery.
 *
 * <ul>
 *   <li>Seed: {@code X-Timestamp} and {@code X-Signature} = hex HMAC-SHA256 of {@code timestamp + body} keyed
 *       with the webhook secret string as shown to the merchant (what the seed's PHP snippet checks).</li>
 *   <li>Standard Webhooks: {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature} =
 *       {@code v1,} + base64 HMAC-SHA256 of {@code id.timestamp.body} keyed with the base64-decoded part of
 *       the {@code whsec_} secret.</li>
 * </ul>
 * During a rotation's grace period {@code X-Signature} stays signed with the previous secret (so unchanged
 * merchant code keeps working), {@code X-Signature-Next} carries the new secret's signature, and
 * {@code webhook-signature} lists both.
 */
final class WebhookSignatures {

    private WebhookSignatures() {
    }

    static Map<String, String> headers(String eventId, long timestamp, String body, String secret, String previous) {
        String ts = Long.toString(timestamp);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("User-Agent", "Paymux-Webhooks/1");
        h.put("X-Timestamp", ts);
        String current = seed(secret, ts, body);
        if (previous != null) {
            h.put("X-Signature", seed(previous, ts, body));
            h.put("X-Signature-Next", current);
        } else {
            h.put("X-Signature", current);
        }
        h.put("webhook-id", eventId);
        h.put("webhook-timestamp", ts);
        String standard = "v1," + standard(secret, eventId, ts, body);
        if (previous != null) {
            standard = standard + " v1," + standard(previous, eventId, ts, body);
        }
        h.put("webhook-signature", standard);
        return h;
    }

    static String seed(String secret, String timestamp, String body) {
        return RequestSignature.hmacHex(secret, (timestamp + body).getBytes(StandardCharsets.UTF_8));
    }

    static String standard(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(standardKey(secret), "HmacSHA256"));
            byte[] sig = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(sig);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Standard Webhooks keys are the base64 after {@code whsec_}; any other secret is used as its bytes. */
    static byte[] standardKey(String secret) {
        if (secret.startsWith("whsec_")) {
            try {
                return Base64.getDecoder().decode(secret.substring("whsec_".length()));
            } catch (IllegalArgumentException e) {
                // fall through: not base64
            }
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
