package dev.paymux.api.webhook;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin.WebhookStore;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.WebhookReceiver;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The merchant's webhook endpoint: set, show, remove, URL rules, and 410 Gone disabling it. */
class WebhookEndpointApiTest extends WebhookApiTest {

    @Test
    void aStoreWithoutAUrlShowsNoEndpointAndCannotSendATestEvent() {
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        JsonNode e = endpoint(m);
        assertThat(e.get("url").isNull()).isTrue();
        assertThat(e.get("enabled").asBoolean()).isFalse();
        assertThat(e.get("disabled_reason").asString()).isEqualTo("no webhook URL is set");
        assertThat(e.get("disabled_at").isNull()).isTrue();
        assertThat(e.get("secret_rotation").isNull()).isTrue();

        Http.Response test = m.post("/api/v1/webhooks/test", "");
        assertThat(test.status()).as(test.body()).isEqualTo(422);
        assertThat(test.json().get("success").asBoolean()).isFalse();
        assertThat(test.error()).contains("no webhook URL");
        assertThat(m.get("/api/v1/webhooks/deliveries").data().get("total").asLong()).isZero();
    }

    @Test
    void setShowAndRemoveTheUrl() {
        try (WebhookReceiver receiver = new WebhookReceiver("unused")) {
            Merchant m = newStore(List.of("USDT_TRC20"), 0);
            Http.Response set = putUrl(m, receiver.url());
            assertThat(set.status()).as(set.body()).isEqualTo(200);
            assertThat(set.data().get("url").asString()).isEqualTo(receiver.url());
            assertThat(set.data().get("enabled").asBoolean()).isTrue();

            JsonNode e = endpoint(m);
            assertThat(e.get("url").asString()).isEqualTo(receiver.url());
            assertThat(e.get("enabled").asBoolean()).isTrue();
            assertThat(e.get("disabled_reason").isNull()).isTrue();
            assertThat(e.get("disabled_at").isNull()).isTrue();
            assertThat(e.get("secret_rotation").isNull()).isTrue();
            // The operator sees the same URL.
            assertThat(admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data().get("webhook_url")
                    .asString()).isEqualTo(receiver.url());

            Http.Response removed = putUrl(m, null);
            assertThat(removed.status()).as(removed.body()).isEqualTo(200);
            assertThat(removed.data().get("url").isNull()).isTrue();
            assertThat(endpoint(m).get("url").isNull()).isTrue();
            assertThat(m.post("/api/v1/webhooks/test", "").status()).isEqualTo(422);
        }
    }

    @Test
    void badUrlsAre400AndChangeNothing() {
        try (WebhookReceiver receiver = new WebhookReceiver("unused")) {
            Merchant m = newStore(List.of("USDT_TRC20"), 0);
            assertThat(putUrl(m, receiver.url()).status()).isEqualTo(200);
            for (String body : List.of("{\"url\":\"ftp://example.com/hook\"}", "{\"url\":\"https://\"}",
                    "{\"url\":\"https:no-host\"}", "{\"url\":\"garbage\"}", "{\"url\":\"http://exa mple.com/\"}",
                    "{\"url\":\"https://user:pw@example.com/\"}", "{\"url\":\"\"}", "{\"url\":5}",
                    "{\"url\":[\"https://example.com\"]}", "{}", "[]", "not json", "",
                    "{\"url\":\"https://example.com/" + "a".repeat(2100) + "\"}")) {
                Http.Response r = m.send("PUT", "/api/v1/webhooks/endpoint", body);
                assertThat(r.status()).as(body + " → " + r.body()).isEqualTo(400);
                assertThat(r.json().get("success").asBoolean()).isFalse();
                assertThat(r.error()).isNotBlank();
            }
            Http.Response ftp = putUrl(m, "ftp://example.com/hook");
            assertThat(ftp.error()).contains("http or https");
            assertThat(endpoint(m).get("url").asString()).isEqualTo(receiver.url());
        }
    }

    @Test
    void theOperatorsWebhookUrlGoesThroughTheSamePolicy() {
        for (String url : List.of("ftp://example.com/hook", "garbage", "https://")) {
            Http.Response r = admin().send("POST", "/admin/v1/stores",
                    "{\"name\":\"x\",\"webhook_url\":\"" + url + "\"}");
            assertThat(r.status()).as(url + " → " + r.body()).isEqualTo(400);
            assertThat(r.error()).startsWith("webhook_url");
        }
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        Http.Response patch = admin().send("PATCH", "/admin/v1/stores/" + m.storeId(), "{\"webhook_url\":\"ftp://x\"}");
        assertThat(patch.status()).as(patch.body()).isEqualTo(400);
        assertThat(endpoint(m).get("url").isNull()).isTrue();
    }

    @Test
    void noSecretIsEverShown() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            receiver.secret(store.webhookSecret());
            String id = sendTest(m);
            eventually(WAIT, () -> receiver.received().size() == 1);
            awaitState(m, id, "delivered");
            for (String path : List.of("/api/v1/webhooks/endpoint", "/api/v1/webhooks/deliveries",
                    "/api/v1/webhooks/deliveries/" + id)) {
                Http.Response r = m.get(path);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body()).as(path).doesNotContain(store.webhookSecret()).doesNotContain("whsec_");
            }
            assertThat(putUrl(m, receiver.url()).body()).doesNotContain("whsec_");
        }
    }

    @Test
    void a410DisablesTheEndpointHoldsLaterEventsAndSettingTheUrlReleasesThem() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            receiver.secret(store.webhookSecret());
            receiver.respondWith(410);
            String gone = sendTest(m);
            eventually(WAIT, () -> !endpoint(m).get("enabled").asBoolean());
            JsonNode e = endpoint(m);
            assertThat(e.get("url").asString()).isEqualTo(receiver.url());
            assertThat(e.get("disabled_reason").asString()).contains("410");
            assertThat(e.get("disabled_at").isNull()).isFalse();
            JsonNode first = delivery(m, gone);
            assertThat(first.get("state").asString()).isEqualTo("failed");
            assertThat(first.get("last_status_code").asInt()).isEqualTo(410);
            assertThat(first.get("state_reason").asString()).contains("410");

            receiver.respondWith(200);
            Http.Response held = m.post("/api/v1/webhooks/test", "");
            assertThat(held.status()).isEqualTo(200);
            assertThat(held.data().get("state").asString()).isEqualTo("held");
            String heldId = held.data().get("event_id").asString();
            dev.paymux.api.support.DispatcherProbe.caughtUp(admin(), clock);
            assertThat(receiver.received()).hasSize(1);
            assertThat(state(m, heldId)).isEqualTo("held");
            assertThat(m.get("/api/v1/webhooks/deliveries?state=held").data().get("total").asLong()).isEqualTo(1);

            Http.Response enabled = putUrl(m, receiver.url());
            assertThat(enabled.status()).isEqualTo(200);
            assertThat(enabled.data().get("enabled").asBoolean()).isTrue();
            assertThat(enabled.data().get("disabled_reason").isNull()).isTrue();
            eventually(WAIT, () -> receiver.received().size() == 2);
            assertThat(receiver.received().get(1).header("webhook-id")).isEqualTo(heldId);
            assertThat(receiver.received().get(1).seedSignatureValid()).isTrue();
            awaitState(m, heldId, "delivered");
            // The event that met the 410 stays failed until the merchant asks for it again.
            assertThat(state(m, gone)).isEqualTo("failed");
        }
    }

    @Test
    void removingTheUrlSkipsHeldEvents() {
        try (WebhookReceiver receiver = new WebhookReceiver("x")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            Merchant m = store.merchant();
            receiver.respondWith(410);
            sendTest(m);
            eventually(WAIT, () -> !endpoint(m).get("enabled").asBoolean());
            String held = sendTest(m);
            assertThat(state(m, held)).isEqualTo("held");

            assertThat(putUrl(m, null).status()).isEqualTo(200);
            JsonNode d = delivery(m, held);
            assertThat(d.get("state").asString()).isEqualTo("skipped");
            assertThat(d.get("state_reason").asString()).contains("removed");
            JsonNode e = endpoint(m);
            assertThat(e.get("enabled").asBoolean()).isFalse();
            assertThat(e.get("disabled_at").isNull()).isTrue();
        }
    }

    @Test
    void theWebhookEndpointsAreDescribedInTheOpenApiDocument() {
        JsonNode paths = http().get("/v3/api-docs").json().get("paths");
        for (String path : List.of("/api/v1/webhooks/endpoint", "/api/v1/webhooks/deliveries",
                "/api/v1/webhooks/deliveries/{eventId}", "/api/v1/webhooks/deliveries/{eventId}/redeliver",
                "/api/v1/webhooks/test", "/api/v1/webhooks/secret/rotate", "/admin/v1/webhooks/deliveries",
                "/admin/v1/stores/{storeId}/webhooks/enable")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        JsonNode list = paths.get("/api/v1/webhooks/deliveries").get("get");
        List<String> params = new java.util.ArrayList<>();
        list.get("parameters").forEach(p -> params.add(p.get("name").asString()));
        assertThat(params).containsExactlyInAnyOrder("page", "per_page", "state");
    }

}
