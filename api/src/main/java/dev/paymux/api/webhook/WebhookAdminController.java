package dev.paymux.api.webhook;

import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.WebhookDeliveries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The operator's view of webhooks: failures across all stores, and re-enabling a store's endpoint. */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class WebhookAdminController {

    private final WebhookDeliveries deliveries;
    private final StoreDirectory directory;
    private final Transactions tx;
    private final Clock clock;

    WebhookAdminController(WebhookDeliveries deliveries, StoreDirectory directory, Transactions tx, Clock clock) {
        this.deliveries = deliveries;
        this.directory = directory;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping("/admin/v1/webhooks/deliveries")
    @Operation(summary = "Webhook events in a state, across all stores",
            description = "Newest first; by default the failed ones (gave up after every retry, or answered 410).")
    @Parameter(name = "state", in = ParameterIn.QUERY,
            description = "pending, delivered, failed, held or skipped (default failed)")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "at most this many, 1-500 (default 50)")
    ApiResponse<List<WebhookViews.Delivery>> deliveries(@Parameter(hidden = true) @RequestParam Map<String, String> query) {
        String state = query.containsKey("state") ? WebhookController.state(query.get("state")) : "failed";
        int limit = WebhookController.integer(query, "limit", 50, 1, 500);
        return ApiResponse.ok(deliveries.recentInState(state, limit).stream()
                .map(WebhookViews.Delivery::forOperator).toList());
    }

    @PostMapping("/admin/v1/stores/{storeId}/webhooks/enable")
    @Operation(summary = "Re-enable a store's webhook endpoint",
            description = "Clears a 410 Gone's disabling and sends the events held meanwhile (released_events).")
    ApiResponse<WebhookViews.Enabled> enable(@PathVariable String storeId) {
        StoreId store = StoreId.parse(storeId).filter(id -> directory.webhookEndpoint(id).isPresent())
                .orElseThrow(() -> ApiException.notFound("store not found"));
        Instant now = clock.instant();
        int released = tx.inTransaction(() -> deliveries.enableEndpoint(store, now));
        return ApiResponse.ok(new WebhookViews.Enabled(store.toString(), released,
                WebhookViews.Endpoint.of(directory.webhookEndpoint(store).orElseThrow(), now)));
    }
}
