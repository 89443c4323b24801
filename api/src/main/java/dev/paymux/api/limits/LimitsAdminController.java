package dev.paymux.api.limits;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** A store's own limit on its signed API requests, above or below the gateway's default. */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class LimitsAdminController {

    private final Stores stores;
    private final StoreDirectory directory;
    private final PublicLimits settings;
    private final Transactions tx;
    private final tools.jackson.databind.json.JsonMapper json;

    LimitsAdminController(Stores stores, StoreDirectory directory, PublicLimits settings, Transactions tx,
            tools.jackson.databind.json.JsonMapper json) {
        this.stores = stores;
        this.directory = directory;
        this.settings = settings;
        this.tx = tx;
        this.json = json;
    }

    /**
     * @param merchantPerKey the store's own limit, or null when it has the default
     * @param effective      what applies: the store's own, else {@code paymux.limits.merchant-per-key}
     */
    record LimitsView(@JsonProperty("store_id") String storeId, @JsonProperty("merchant_per_key") String merchantPerKey,
            String effective) {
    }

    @GetMapping("/admin/v1/stores/{storeId}/limits")
    @Operation(summary = "The store's limit on its signed API requests")
    ApiResponse<LimitsView> get(@PathVariable String storeId) {
        StoreId store = store(storeId);
        return ApiResponse.ok(view(store));
    }

    @PutMapping("/admin/v1/stores/{storeId}/limits")
    @Operation(summary = "Set the store's limit on its signed API requests",
            description = "Body: {\"merchant_per_key\": \"6000/1m\"} (<requests>/<period>), or null for the gateway's "
                    + "default (paymux.limits.merchant-per-key). Beyond it the API answers 429 with Retry-After.")
    ApiResponse<LimitsView> put(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        StoreId store = store(storeId);
        JsonNode root = JsonBodies.object(request, json);
        if (!root.has("merchant_per_key")) {
            throw badRequest("merchant_per_key is required: <requests>/<period> such as 6000/1m, or null");
        }
        JsonNode value = root.get("merchant_per_key");
        String limit = null;
        if (!value.isNull()) {
            String text = value.isString() ? value.asString().strip() : null;
            try {
                PublicLimits.parse("merchant_per_key", text);
            } catch (IllegalArgumentException e) {
                throw badRequest("merchant_per_key must be <requests>/<period> such as 6000/1m, or null");
            }
            limit = text;
        }
        String chosen = limit;
        tx.inTransaction(() -> {
            directory.setRateLimit(store, chosen);
            return null;
        });
        return ApiResponse.ok(view(store));
    }

    private LimitsView view(StoreId store) {
        String own = tx.inTransaction(() -> stores.findById(store).flatMap(s -> stores.findCredentialsByApiKey(s.apiKey())))
                .map(Stores.StoreCredentials::rateLimit).orElse(null);
        RateLimits.Limit effective = own == null ? settings.merchantKey() : PublicLimits.parse("the store's limit", own);
        return new LimitsView(store.toString(), own, effective.requests() + "/" + effective.per().toSeconds() + "s");
    }

    private StoreId store(String storeId) {
        return StoreId.parse(storeId).filter(id -> stores.findById(id).isPresent())
                .orElseThrow(() -> ApiException.notFound("store not found"));
    }
}
