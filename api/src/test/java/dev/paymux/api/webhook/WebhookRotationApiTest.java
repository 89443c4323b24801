package dev.paymux.api.webhook;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static dev.paymux.api.support.WebhookReceiver.hmacHex;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin.WebhookStore;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Rotating the webhook secret: both signatures during the grace period, only the new one after it. */
class WebhookRotationApiTest extends WebhookApiTest {

    @Test
    void duringTheGracePeriodBothSecretsSignAndAfterItOnlyTheNewOne() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            String oldSecret = store.webhookSecret();

            Http.Response rotated = m.post("/api/v1/webhooks/secret/rotate", "");
            assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
            String newSecret = rotated.data().get("webhook_secret").asString();
            assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
            assertThat(java.util.Base64.getDecoder().decode(newSecret.substring(6))).hasSize(32);
            Instant validUntil = Instant.parse(rotated.data().get("previous_valid_until").asString());
            assertThat(Duration.between(clock.instant(), validUntil))
                    .isBetween(Duration.ofHours(24).minusMinutes(1), Duration.ofHours(24).plusSeconds(1));
            JsonNode e = endpoint(m);
            assertThat(e.get("secret_rotation").get("previous_valid_until").asString())
                    .isEqualTo(rotated.data().get("previous_valid_until").asString());
            assertThat(e.toString()).doesNotContain(newSecret).doesNotContain(oldSecret);

            // Unchanged merchant code (checking X-Signature with the old secret) keeps working.
            receiver.secret(oldSecret);
            String during = sendTest(m);
            eventually(WAIT, () -> receiver.received().size() == 1);
            WebhookReceiver.Received hook = receiver.received().get(0);
            assertThat(hook.header("webhook-id")).isEqualTo(during);
            assertThat(hook.seedSignatureValid()).isTrue();
            String ts = hook.header("X-Timestamp");
            assertThat(hook.header("X-Signature-Next")).isEqualTo(hmacHex(newSecret, ts + hook.body()));
            assertThat(hook.header("X-Signature")).isNotEqualTo(hmacHex(newSecret, ts + hook.body()));
            List<String> standard = Arrays.asList(hook.header("webhook-signature").split(" "));
            assertThat(standard).hasSize(2).allMatch(s -> s.startsWith("v1,"));
            assertThat(hook.header("webhook-timestamp")).isEqualTo(ts);
            assertThat(standard).contains(
                    "v1," + standardSignature(newSecret, during, ts, hook.body()),
                    "v1," + standardSignature(oldSecret, during, ts, hook.body()));

            // After the grace period only the new secret signs.
            clock.advance(Duration.ofHours(24).plusMinutes(1));
            assertThat(endpoint(m).get("secret_rotation").isNull()).isTrue();
            receiver.secret(newSecret);
            String after = sendTest(m);
            eventually(WAIT, () -> receiver.received().size() == 2);
            WebhookReceiver.Received later = receiver.received().get(1);
            assertThat(later.header("webhook-id")).isEqualTo(after);
            assertThat(later.seedSignatureValid()).isTrue();
            assertThat(later.header("X-Signature-Next")).isNull();
            String ts2 = later.header("X-Timestamp");
            assertThat(later.header("webhook-signature"))
                    .isEqualTo("v1," + standardSignature(newSecret, after, ts2, later.body()));
        }
    }

    @Test
    void rotatingTwiceWithinTheGracePeriodRetiresTheOldestSecretAtOnce() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            String first = store.webhookSecret();
            String second = m.post("/api/v1/webhooks/secret/rotate", "").data().get("webhook_secret").asString();
            clock.advance(Duration.ofHours(1));
            Http.Response again = m.post("/api/v1/webhooks/secret/rotate", "");
            assertThat(again.status()).isEqualTo(200);
            String third = again.data().get("webhook_secret").asString();
            assertThat(List.of(first, second, third)).doesNotHaveDuplicates();
            // The grace period restarts from the second rotation.
            Instant validUntil = Instant.parse(again.data().get("previous_valid_until").asString());
            assertThat(Duration.between(clock.instant(), validUntil)).isGreaterThan(Duration.ofHours(23));

            receiver.secret(second);
            sendTest(m);
            eventually(WAIT, () -> receiver.received().size() == 1);
            WebhookReceiver.Received hook = receiver.received().get(0);
            String ts = hook.header("X-Timestamp");
            assertThat(hook.seedSignatureValid()).isTrue();
            assertThat(hook.header("X-Signature")).isNotEqualTo(hmacHex(first, ts + hook.body()));
            assertThat(hook.header("X-Signature-Next")).isEqualTo(hmacHex(third, ts + hook.body()));
            assertThat(hook.header("webhook-signature").split(" ")).hasSize(2);
        }
    }

    @Test
    void theRotationNeedsASignedRequest() {
        Http.Response r = http().postJson("/api/v1/webhooks/secret/rotate", "");
        assertThat(r.status()).isEqualTo(401);
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        assertThat(endpoint(m).get("secret_rotation").isNull()).isTrue();
        // A store without a URL may still rotate (and set the URL later).
        assertThat(m.post("/api/v1/webhooks/secret/rotate", "").data().get("webhook_secret").asString())
                .startsWith("whsec_");
    }
}
