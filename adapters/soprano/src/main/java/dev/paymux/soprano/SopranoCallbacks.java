package dev.paymux.soprano;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.ProviderUpdate;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Verifies and reads Soprano's callbacks. Soprano sends the configured webhook secret itself in
 * {@code X-Webhook-Secret} (no signature over the body); it is compared in constant time, over SHA-256
 * digests so that not even the secret's length leaks through timing.
 */
final class SopranoCallbacks {

    static final String SECRET_HEADER = "X-Webhook-Secret";

    // What Soprano gets back. Its expectations are not documented; a 2xx with a small JSON body is assumed.
    static final int ACK_STATUS = 200;
    static final String ACK_BODY = "{\"status\":\"ok\"}";

    private final byte[] secretDigest;
    private final SopranoMapping mapping;

    SopranoCallbacks(String webhookSecret, SopranoMapping mapping) {
        this.secretDigest = sha256(webhookSecret);
        this.mapping = mapping;
    }

    CallbackResult parse(CallbackRequest request) {
        try {
            String presented = request.header(SECRET_HEADER);
            if (presented == null || presented.isEmpty()) {
                return new CallbackResult.Rejected("no " + SECRET_HEADER + " header");
            }
            if (!MessageDigest.isEqual(secretDigest, sha256(presented))) {
                return new CallbackResult.Rejected(SECRET_HEADER + " does not match the configured secret");
            }
            SopranoClient.Webhook webhook = SopranoJson.MAPPER.readValue(request.body(), SopranoClient.Webhook.class);
            ProviderUpdate update = mapping.update(webhook);
            if (update == null) {
                return new CallbackResult.Rejected("callback without payment_id or status");
            }
            return new CallbackResult.Accepted(update, ACK_STATUS, ACK_BODY);
        } catch (RuntimeException e) {
            // Parsing never throws: an unreadable body is a rejection, its content stays out of the reason.
            return new CallbackResult.Rejected("unreadable callback body (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
