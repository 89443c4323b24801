package dev.paymux.api.support;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

/**
 * Proves a negative about webhook dispatch without sleeping: two test webhooks of a fresh store, sent
 * one after the other, arrive. The dispatcher's polls that claimed them had every event due before them
 * on offer, so anything that was (wrongly) deliverable has been claimed by then and shows up.
 */
public final class DispatcherProbe {

    private DispatcherProbe() {
    }

    public static void caughtUp(Admin admin, Clock clock) {
        try (WebhookReceiver marker = new WebhookReceiver("marker")) {
            Merchant m = admin.createStoreWithWebhook(marker.url(), clock).merchant();
            for (int i = 1; i <= 2; i++) {
                Http.Response sent = m.post("/api/v1/webhooks/test", "");
                assertThat(sent.status()).as(sent.body()).isEqualTo(200);
                int expected = i;
                eventually(Duration.ofSeconds(30), () -> marker.received().size() >= expected);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
