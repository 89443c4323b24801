package dev.paymux.api.webhook;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin.WebhookStore;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.WebhookReceiver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The delivery log, redelivery, the test event, and the operator's view of failures. */
class WebhookDeliveryLogApiTest extends WebhookApiTest {

    @Test
    void aTestEventIsSignedDeliveredAndLoggedWithItsAttempt() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            receiver.secret(store.webhookSecret());
            Http.Response sent = m.post("/api/v1/webhooks/test", "");
            assertThat(sent.status()).as(sent.body()).isEqualTo(200);
            String id = sent.data().get("event_id").asString();
            assertThat(sent.data().get("state").asString()).isIn("pending", "delivered");

            eventually(WAIT, () -> receiver.received().size() == 1);
            WebhookReceiver.Received hook = receiver.received().get(0);
            assertThat(hook.seedSignatureValid()).isTrue();
            assertThat(hook.header("webhook-id")).isEqualTo(id);
            assertThat(hook.header("X-Signature-Next")).isNull();
            JsonNode body = json.readTree(hook.body());
            assertThat(body.get("event_id").asString()).isEqualTo(id);
            assertThat(body.get("event").asString()).isEqualTo("webhook.test");

            awaitState(m, id, "delivered");
            JsonNode d = delivery(m, id);
            assertThat(d.get("event_id").asString()).isEqualTo(id);
            assertThat(d.get("event").asString()).isEqualTo("webhook.test");
            assertThat(d.get("payment_id").isNull()).isTrue();
            assertThat(d.get("attempts").asInt()).isEqualTo(1);
            assertThat(d.get("last_status_code").asInt()).isEqualTo(200);
            assertThat(d.get("last_error").isNull()).isTrue();
            assertThat(d.get("delivered_at").isNull()).isFalse();
            assertThat(d.get("created_at").asString()).endsWith("Z");
            assertThat(d.get("next_attempt_at").isNull()).isTrue();
            assertThat(d.get("body").asString()).isEqualTo(hook.body());
            assertThat(d.has("store_id")).isFalse();
            JsonNode log = d.get("attempt_log");
            assertThat(log.size()).isEqualTo(1);
            assertThat(log.get(0).get("attempt").asInt()).isEqualTo(1);
            assertThat(log.get(0).get("status_code").asInt()).isEqualTo(200);
            assertThat(log.get(0).get("url").asString()).isEqualTo(receiver.url());
            assertThat(log.get(0).get("error").isNull()).isTrue();
            assertThat(log.get(0).get("duration_ms").asLong()).isNotNegative();
            assertThat(log.get(0).get("started_at").asString()).endsWith("Z");

            JsonNode page = m.get("/api/v1/webhooks/deliveries").data();
            assertThat(page.get("total").asLong()).isEqualTo(1);
            assertThat(page.get("page").asInt()).isEqualTo(1);
            assertThat(page.get("per_page").asInt()).isEqualTo(20);
            assertThat(page.get("total_pages").asLong()).isEqualTo(1);
            JsonNode item = page.get("deliveries").get(0);
            assertThat(item.get("event_id").asString()).isEqualTo(id);
            assertThat(item.get("state").asString()).isEqualTo("delivered");
            assertThat(item.has("body")).isFalse();
            assertThat(item.has("attempt_log")).isFalse();
        }
    }

    @Test
    void redeliverySendsTheSameEventAgain() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            receiver.secret(store.webhookSecret());
            String id = sendTest(m);
            eventually(WAIT, () -> receiver.received().size() == 1);
            awaitState(m, id, "delivered");

            Http.Response again = m.post("/api/v1/webhooks/deliveries/" + id + "/redeliver", "");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.data().get("event_id").asString()).isEqualTo(id);
            assertThat(again.data().get("state").asString()).isIn("pending", "delivered");
            eventually(WAIT, () -> receiver.received().size() == 2);
            List<WebhookReceiver.Received> got = receiver.received();
            assertThat(got).extracting(r -> r.header("webhook-id")).containsExactly(id, id);
            assertThat(got.get(1).body()).isEqualTo(got.get(0).body());
            assertThat(got.get(1).seedSignatureValid()).isTrue();

            eventually(WAIT, () -> delivery(m, id).get("attempt_log").size() == 2);
            awaitState(m, id, "delivered");
            JsonNode d = delivery(m, id);
            assertThat(d.get("attempts").asInt()).isEqualTo(1); // a fresh count after redelivery
            assertThat(m.get("/api/v1/webhooks/deliveries").data().get("total").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aStoreCannotSeeOrRedeliverAnotherStoresEvents() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            String id = sendTest(store.merchant());
            eventually(WAIT, () -> receiver.received().size() == 1);

            Merchant other = newStore(List.of("USDT_TRC20"), 0);
            for (String path : List.of("/api/v1/webhooks/deliveries/" + id,
                    "/api/v1/webhooks/deliveries/" + UUID.randomUUID(), "/api/v1/webhooks/deliveries/not-a-uuid")) {
                Http.Response r = other.get(path);
                assertThat(r.status()).as(path).isEqualTo(404);
                assertThat(r.json().get("success").asBoolean()).isFalse();
            }
            for (String eventId : List.of(id, UUID.randomUUID().toString(), "nope")) {
                Http.Response r = other.post("/api/v1/webhooks/deliveries/" + eventId + "/redeliver", "");
                assertThat(r.status()).as(eventId).isEqualTo(404);
            }
            assertThat(other.get("/api/v1/webhooks/deliveries").data().get("total").asLong()).isZero();
            dev.paymux.api.support.DispatcherProbe.caughtUp(admin(), clock);
            assertThat(receiver.received()).hasSize(1);
            // Unsigned requests do not get in at all.
            assertThat(http().get("/api/v1/webhooks/deliveries/" + id).status()).isEqualTo(401);
        }
    }

    @Test
    void theLogPagesAndFiltersByState() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ids.add(sendTest(m));
            }
            eventually(WAIT, () -> m.get("/api/v1/webhooks/deliveries?state=delivered").data().get("total").asLong() == 3);

            JsonNode first = m.get("/api/v1/webhooks/deliveries?per_page=2").data();
            assertThat(first.get("total").asLong()).isEqualTo(3);
            assertThat(first.get("total_pages").asLong()).isEqualTo(2);
            assertThat(first.get("per_page").asInt()).isEqualTo(2);
            assertThat(first.get("deliveries").size()).isEqualTo(2);
            // Newest first.
            assertThat(first.get("deliveries").get(0).get("event_id").asString()).isEqualTo(ids.get(2));
            JsonNode second = m.get("/api/v1/webhooks/deliveries?page=2&per_page=2").data();
            assertThat(second.get("page").asInt()).isEqualTo(2);
            assertThat(second.get("deliveries").size()).isEqualTo(1);
            assertThat(second.get("deliveries").get(0).get("event_id").asString()).isEqualTo(ids.get(0));
            assertThat(m.get("/api/v1/webhooks/deliveries?page=3&per_page=2").data().get("deliveries").size()).isZero();
            for (String state : List.of("pending", "failed", "held", "skipped")) {
                assertThat(m.get("/api/v1/webhooks/deliveries?state=" + state).data().get("total").asLong())
                        .as(state).isZero();
            }
        }
    }

    @Test
    void badListParametersAre400() {
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        for (String q : List.of("page=0", "page=-1", "page=abc", "page=1.5", "page=", "per_page=0", "per_page=101",
                "per_page=x", "state=bogus", "state=", "state=DELIVERED", "page=99999999999")) {
            Http.Response r = m.get("/api/v1/webhooks/deliveries?" + q);
            assertThat(r.status()).as(q + " → " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isNotBlank();
        }
        assertThat(m.get("/api/v1/webhooks/deliveries?page=1&per_page=100&state=failed").status()).isEqualTo(200);
    }

    @Test
    void theOperatorSeesFailuresAcrossStoresAndCanReEnableAnEndpoint() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            receiver.respondWith(410);
            String gone = sendTest(m);
            awaitState(m, gone, "failed");
            String held = sendTest(m);
            assertThat(state(m, held)).isEqualTo("held");

            Http.Response failed = admin().send("GET", "/admin/v1/webhooks/deliveries", null);
            assertThat(failed.status()).as(failed.body()).isEqualTo(200);
            JsonNode mine = null;
            for (JsonNode d : failed.data()) {
                assertThat(d.get("state").asString()).isEqualTo("failed");
                if (d.get("event_id").asString().equals(gone)) {
                    mine = d;
                }
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("store_id").asString()).isEqualTo(m.storeId());
            assertThat(mine.get("last_status_code").asInt()).isEqualTo(410);
            List<String> heldIds = new ArrayList<>();
            admin().send("GET", "/admin/v1/webhooks/deliveries?state=held&limit=500", null).data()
                    .forEach(d -> heldIds.add(d.get("event_id").asString()));
            assertThat(heldIds).contains(held);
            assertThat(admin().send("GET", "/admin/v1/webhooks/deliveries?limit=1", null).data().size()).isEqualTo(1);
            for (String q : List.of("state=bogus", "limit=0", "limit=501", "limit=x", "state=")) {
                Http.Response r = admin().send("GET", "/admin/v1/webhooks/deliveries?" + q, null);
                assertThat(r.status()).as(q).isEqualTo(400);
            }

            // Without or with a wrong operator token: refused, nothing changes.
            String enablePath = "/admin/v1/stores/" + m.storeId() + "/webhooks/enable";
            assertThat(http().send("POST", enablePath, null, Map.of()).status()).isEqualTo(401);
            assertThat(http().send("POST", enablePath, null, Map.of("Authorization", "Bearer wrong")).status())
                    .isEqualTo(403);
            assertThat(http().get("/admin/v1/webhooks/deliveries").status()).isEqualTo(401);
            assertThat(new dev.paymux.api.support.Admin(http(), "wrong").send("GET", "/admin/v1/webhooks/deliveries",
                    null).status()).isEqualTo(403);
            // A merchant's signature is no operator token either.
            assertThat(m.get("/admin/v1/webhooks/deliveries").status()).isEqualTo(401);
            assertThat(endpoint(m).get("enabled").asBoolean()).isFalse();

            receiver.respondWith(200);
            Http.Response enabled = admin().send("POST", enablePath, null);
            assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
            assertThat(enabled.data().get("store_id").asString()).isEqualTo(m.storeId());
            assertThat(enabled.data().get("released_events").asInt()).isEqualTo(1);
            assertThat(enabled.data().get("endpoint").get("enabled").asBoolean()).isTrue();
            eventually(WAIT, () -> receiver.received().size() == 2);
            assertThat(receiver.received().get(1).header("webhook-id")).isEqualTo(held);
            awaitState(m, held, "delivered");
            assertThat(endpoint(m).get("enabled").asBoolean()).isTrue();

            assertThat(admin().send("POST", "/admin/v1/stores/" + UUID.randomUUID() + "/webhooks/enable", null)
                    .status()).isEqualTo(404);
            assertThat(admin().send("POST", "/admin/v1/stores/nope/webhooks/enable", null).status()).isEqualTo(404);
        }
    }
}
