package dev.paymux.api.provider;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.onchain.provider.NativeProvider;
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

    ProviderAdminController(ProviderRegistry registry, StoreProviders storeProviders, Stores stores, JsonMapper json) {
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
