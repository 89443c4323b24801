package dev.paymux.api.webhook;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/** Shared steps of the webhook API tests (abstract: Surefire runs only its subclasses). */
abstract class WebhookApiTest extends ApiTest {

    static final Duration WAIT = Duration.ofSeconds(10);

    /** Sends a test event and returns its event_id. */
    static String sendTest(Merchant m) {
        Http.Response r = m.post("/api/v1/webhooks/test", "");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data().get("event_id").asString();
    }

    static JsonNode delivery(Merchant m, String eventId) {
        Http.Response r = m.get("/api/v1/webhooks/deliveries/" + eventId);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    static String state(Merchant m, String eventId) {
        return delivery(m, eventId).get("state").asString();
    }

    static void awaitState(Merchant m, String eventId, String state) {
        eventually(WAIT, () -> state(m, eventId).equals(state));
    }

    static JsonNode endpoint(Merchant m) {
        Http.Response r = m.get("/api/v1/webhooks/endpoint");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    static Http.Response putUrl(Merchant m, String url) {
        return m.send("PUT", "/api/v1/webhooks/endpoint", url == null ? "{\"url\":null}" : "{\"url\":\"" + url + "\"}");
    }

    /** Standard Webhooks: base64 HMAC-SHA256 of {@code id.timestamp.body}, keyed with the base64 after {@code whsec_}. */
    static String standardSignature(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
