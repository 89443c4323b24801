package dev.paymux.api.provider;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.onchain.provider.NativeProvider;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The configured provider instances, and which one a store hands its payments to. */
@RestController
@Tag(name = "Admin: providers", description = "Provider instances (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class ProviderAdminController {

    private final ProviderRegistry registry;
    private final StoreProviders storeProviders;
    private final Stores stores;
    private final JsonMapper json;
    private final ProviderCallbacks callbacks;

    ProviderAdminController(ProviderRegistry registry, StoreProviders storeProviders, Stores stores, JsonMapper json,
            ProviderCallbacks callbacks) {
        this.callbacks = callbacks;
        this.registry = registry;
        this.storeProviders = storeProviders;
        this.stores = stores;
        this.json = json;
    }

    record MethodView(String currency, String min, String max, boolean available) {
    }

    record InstanceView(String instance, String type, boolean healthy, String health, List<MethodView> methods,
            @JsonProperty("needs_polling") boolean needsPolling) {
        static InstanceView of(PaymentProvider p) {
            var health = p.health();
            var caps = p.capabilities();
            return new InstanceView(p.instance(), p.type(), health.up(), health.detail(), caps.methods().stream()
                    .map(m -> new MethodView(m.currency(), m.min() == null ? null : m.min().toPlainString(),
                            m.max() == null ? null : m.max().toPlainString(), m.available()))
                    .toList(), caps.needsPolling());
        }
    }

    record StoreProviderView(@JsonProperty("store_id") String storeId, String instance) {
    }

    @GetMapping("/admin/v1/providers")
    @Operation(summary = "Configured provider instances, their health and pay methods")
    ApiResponse<List<InstanceView>> instances() {
        return ApiResponse.ok(registry.all().stream().map(InstanceView::of).toList());
    }

    record CallbackView(long id, String instance, @JsonProperty("received_at") String receivedAt, boolean verified,
            @JsonProperty("reject_reason") String rejectReason, @JsonProperty("external_id") String externalId,
            @JsonProperty("payment_id") String paymentId, @JsonProperty("raw_status") String rawStatus,
            String outcome) {
        static CallbackView of(ProviderCallbacks.Recorded r) {
            return new CallbackView(r.id(), r.instance(), r.receivedAt().toString(), r.verified(), r.rejectReason(),
                    r.externalId(), r.payment() == null ? null : r.payment().toString(), r.rawStatus(), r.outcome());
        }
    }

    @GetMapping("/admin/v1/providers/callbacks")
    @Operation(summary = "Recent provider callbacks, newest first",
            description = "Query: instance, outcome (rejected, applied, unchanged, unknown-payment), limit (1-500, "
                    + "default 100). Bodies are kept in the database, not shown here.")
    ApiResponse<List<CallbackView>> callbacks(@RequestParam(name = "instance", required = false) String instance,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "limit", defaultValue = "100") String limit) {
        if (outcome != null && !List.of("rejected", "applied", "unchanged", "unknown-payment").contains(outcome)) {
            throw badRequest("outcome must be one of rejected, applied, unchanged, unknown-payment");
        }
        int n = limit.matches("\\d{1,3}") ? Integer.parseInt(limit) : -1;
        if (n < 1 || n > 500) {
            throw badRequest("limit must be an integer from 1 to 500");
        }
        return ApiResponse.ok(callbacks.recent(instance, outcome, n).stream().map(CallbackView::of).toList());
    }

    @PutMapping("/admin/v1/stores/{storeId}/provider")
    @Operation(summary = "Hand a store's payments to a provider instance",
            description = "Body: {\"instance\": \"<name>\"}, or {\"instance\": null} to take them natively again.")
    ApiResponse<StoreProviderView> assign(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = StoreId.parse(storeId).flatMap(stores::findById)
                .orElseThrow(() -> ApiException.notFound("store not found"));
        JsonNode root = JsonBodies.object(request, json);
        if (!root.has("instance")) {
            throw badRequest("instance is required (a provider instance name, or null)");
        }
        JsonNode node = root.get("instance");
        String instance = null;
        if (!node.isNull()) {
            if (!node.isString()) {
                throw badRequest("instance must be a provider instance name or null");
            }
            instance = registry.find(node.asString()).map(PaymentProvider::instance)
                    .orElseThrow(() -> badRequest("no provider instance is named '" + node.asString() + "'"));
            if (instance.equals(NativeProvider.TYPE)) {
                // Paymux's own provider is what a store without a provider uses.
                instance = null;
            }
        }
        storeProviders.assign(store.id(), instance);
        return ApiResponse.ok(new StoreProviderView(store.id().toString(), instance));
    }
}
