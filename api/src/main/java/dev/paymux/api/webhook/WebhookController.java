package dev.paymux.api.webhook;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.api.auth.AuthenticatedStore;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.api.web.Times;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreDirectory.WebhookEndpoint;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.WebhookDeliveries;
import dev.paymux.core.webhook.WebhookDeliveries.DeliveryPage;
import dev.paymux.core.webhook.WebhookDeliveries.DeliveryRecord;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merchant's side of webhooks: the endpoint (URL, enabled or disabled by a 410), the delivery log,
 * redelivery, a test event, and rotation of the webhook secret. Never answers a secret, except the new
 * one in the rotation's own answer.
 */
@RestController
@Tag(name = "Webhooks", description = "The store's webhook endpoint, delivery log, redelivery, test event and "
        + "secret rotation (HMAC-signed)")
@SecurityRequirement(name = "hmac")
class WebhookController {

    private final StoreDirectory directory;
    private final WebhookDeliveries deliveries;
    private final WebhookEndpoints endpoints;
    private final Clock clock;
    private final JsonMapper json;

    WebhookController(StoreDirectory directory, WebhookDeliveries deliveries, WebhookEndpoints endpoints, Clock clock,
            JsonMapper json) {
        this.directory = directory;
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/api/v1/webhooks/endpoint")
    @Operation(summary = "Show the webhook endpoint",
            description = "url, enabled (false when no URL is set or a 410 Gone disabled it), disabled_reason, "
                    + "disabled_at, and secret_rotation {previous_valid_until} while a rotated-out secret is "
                    + "still used to sign (else null). Never shows a secret.")
    ApiResponse<WebhookViews.Endpoint> endpoint(HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        return ApiResponse.ok(WebhookViews.Endpoint.of(endpointOf(store), clock.instant()));
    }

    @PutMapping("/api/v1/webhooks/endpoint")
    @Operation(summary = "Set or remove the webhook URL",
            description = "Body: {\"url\":\"https://...\"}, or {\"url\":null} to remove it. The URL must use https "
                    + "and must not point at a private, loopback or link-local address. Setting a URL re-enables an "
                    + "endpoint disabled by a 410 Gone and sends the events held meanwhile; removing it settles "
                    + "the events still waiting as skipped.")
    ApiResponse<WebhookViews.Endpoint> setEndpoint(HttpServletRequest request) throws IOException {
        StoreId store = AuthenticatedStore.of(request);
        String url = parseUrl(object(request));
        endpointOf(store);
        return ApiResponse.ok(WebhookViews.Endpoint.of(endpoints.setUrl(store, url), clock.instant()));
    }

    @GetMapping("/api/v1/webhooks/deliveries")
    @Operation(summary = "The delivery log", description = "The store's webhook events, newest first, with their "
            + "delivery state (pending, delivered, failed, held, skipped), attempts and last result.")
    @Parameter(name = "page", in = ParameterIn.QUERY, description = "page number, from 1 (default 1)")
    @Parameter(name = "per_page", in = ParameterIn.QUERY, description = "events per page, 1-100 (default 20)")
    @Parameter(name = "state", in = ParameterIn.QUERY,
            description = "only events in this state: pending, delivered, failed, held or skipped")
    ApiResponse<WebhookViews.Page> deliveries(@Parameter(hidden = true) @RequestParam Map<String, String> query,
            HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        int page = integer(query, "page", 1, 1, 1_000_000);
        int perPage = integer(query, "per_page", 20, 1, 100);
        String state = state(query.get("state"));
        DeliveryPage result = deliveries.page(store, page, perPage, state);
        long totalPages = (result.total() + perPage - 1) / perPage;
        return ApiResponse.ok(new WebhookViews.Page(result.items().stream().map(WebhookViews.Delivery::summary).toList(),
                page, perPage, result.total(), totalPages));
    }

    @GetMapping("/api/v1/webhooks/deliveries/{eventId}")
    @Operation(summary = "One event of the delivery log",
            description = "As in the list, plus body (the exact JSON sent, as a string) and attempt_log.")
    ApiResponse<WebhookViews.Delivery> delivery(@PathVariable String eventId, HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        return ApiResponse.ok(WebhookViews.Delivery.detail(find(store, eventId)));
    }

    @PostMapping("/api/v1/webhooks/deliveries/{eventId}/redeliver")
    @Operation(summary = "Send an event again",
            description = "Resets the event to be sent as soon as possible with a fresh attempt count; the body "
                    + "and event_id stay the same, so the receiver can de-duplicate. Held while the endpoint is "
                    + "disabled, skipped when no URL is set.")
    ApiResponse<WebhookViews.EventState> redeliver(@PathVariable String eventId, HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        EventId id = eventId(eventId);
        if (!deliveries.redeliver(store, id, clock.instant())) {
            throw notFound();
        }
        return ApiResponse.ok(new WebhookViews.EventState(id.toString(), find(store, eventId).state()));
    }

    @PostMapping("/api/v1/webhooks/test")
    @Operation(summary = "Send a test event",
            description = "Writes a webhook.test event with the usual body shape and made-up values; it is sent "
                    + "and logged like any other. 422 when the store has no webhook URL.")
    ApiResponse<WebhookViews.EventState> test(HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        DeliveryRecord sent = endpoints.sendTest(store).orElseThrow(() -> new ApiException(HttpStatus.UNPROCESSABLE_CONTENT,
                "the store has no webhook URL: set one with PUT /api/v1/webhooks/endpoint first"));
        return ApiResponse.ok(new WebhookViews.EventState(sent.id().toString(), sent.state()));
    }

    @PostMapping("/api/v1/webhooks/secret/rotate")
    @Operation(summary = "Rotate the webhook secret",
            description = "Issues a new secret (whsec_ + base64 of 32 random bytes), shown only in this answer. "
                    + "Until previous_valid_until (paymux.webhooks.secret-grace, 24 h by default) X-Signature stays "
                    + "signed with the previous secret and X-Signature-Next carries the new one; webhook-signature "
                    + "lists both. Rotating again within the grace period makes the secret that was current the "
                    + "previous one; the one before it stops working at once.")
    ApiResponse<WebhookViews.RotatedSecret> rotate(HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        endpointOf(store);
        WebhookEndpoints.Rotated rotated = endpoints.rotateSecret(store);
        return ApiResponse.ok(new WebhookViews.RotatedSecret(rotated.secret(), Times.iso(rotated.previousValidUntil())));
    }



    private WebhookEndpoint endpointOf(StoreId store) {
        return directory.webhookEndpoint(store).orElseThrow(() -> ApiException.notFound("store not found"));
    }

    private DeliveryRecord find(StoreId store, String eventId) {
        return deliveries.find(store, eventId(eventId)).orElseThrow(WebhookController::notFound);
    }

    private static EventId eventId(String text) {
        return EventId.parse(text).orElseThrow(WebhookController::notFound);
    }

    private static ApiException notFound() {
        return ApiException.notFound("webhook event not found");
    }

    private String parseUrl(JsonNode root) {
        if (!root.has("url")) {
            throw badRequest("url is required: a URL, or null to remove the endpoint");
        }
        JsonNode node = root.get("url");
        if (node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().isBlank()) {
            throw badRequest("url must be a string (a URL) or null");
        }
        String url = node.asString().trim();
        if (url.length() > WebhookEndpoints.MAX_URL_LENGTH) {
            throw badRequest("url must be at most " + WebhookEndpoints.MAX_URL_LENGTH + " characters");
        }
        endpoints.refusal(url).ifPresent(reason -> {
            throw badRequest("url is not accepted: " + reason);
        });
        return url;
    }

    static String state(String raw) {
        if (raw == null) {
            return null;
        }
        if (!WebhookViews.STATES.contains(raw)) {
            throw badRequest("state must be one of " + String.join(", ", WebhookViews.STATES));
        }
        return raw;
    }

    static int integer(Map<String, String> q, String name, int fallback, int min, int max) {
        String raw = q.get(name);
        if (raw == null) {
            return fallback;
        }
        if (!raw.matches("\\d{1,9}")) {
            throw badRequest(name + " must be an integer from " + min + " to " + max);
        }
        int value = Integer.parseInt(raw);
        if (value < min || value > max) {
            throw badRequest(name + " must be an integer from " + min + " to " + max);
        }
        return value;
    }

    private JsonNode object(HttpServletRequest request) throws IOException {
        return JsonBodies.object(request, json);
    }
}
