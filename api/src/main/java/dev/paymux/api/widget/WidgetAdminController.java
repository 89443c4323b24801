package dev.paymux.api.widget;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import dev.paymux.core.store.WidgetOrigins;
import dev.paymux.core.tx.Transactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.TreeSet;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Which web origins may use a store's public payment widget; none turns widget payments off. */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class WidgetAdminController {

    private final Stores stores;
    private final WidgetOrigins origins;
    private final Transactions tx;
    private final JsonMapper json;
    private final Clock clock;

    WidgetAdminController(Stores stores, WidgetOrigins origins, Transactions tx, JsonMapper json, Clock clock) {
        this.stores = stores;
        this.origins = origins;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
    }

    record WidgetView(@JsonProperty("store_id") String storeId,
            @JsonProperty("allowed_origins") List<String> allowedOrigins, @JsonProperty("enabled") boolean enabled) {
        static WidgetView of(StoreId store, List<String> origins) {
            return new WidgetView(store.toString(), origins, !origins.isEmpty());
        }
    }

    @GetMapping("/admin/v1/stores/{storeId}/widget")
    @Operation(summary = "The web origins allowed to use the store's payment widget")
    ApiResponse<WidgetView> get(@PathVariable String storeId) {
        Store store = store(storeId);
        return ApiResponse.ok(WidgetView.of(store.id(), tx.inTransaction(() -> origins.find(store.id()))));
    }

    @PutMapping("/admin/v1/stores/{storeId}/widget")
    @Operation(summary = "Set the web origins allowed to use the store's payment widget",
            description = "Body: {\"allowed_origins\":[\"https://shop.example\"]}: each scheme://host[:port], as the "
                    + "browser sends it in the Origin header (no path). At most " + WidgetOrigins.MAX_PER_STORE
                    + ". An empty list turns widget payments off. Only these sites may create payments with "
                    + "the store's public API key and frame its checkout.")
    ApiResponse<WidgetView> put(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = store(storeId);
        JsonNode list = JsonBodies.object(request, json).get("allowed_origins");
        if (list == null || !list.isArray()) {
            throw badRequest("allowed_origins must be a list of origins such as \"https://shop.example\"");
        }
        TreeSet<String> normalized = new TreeSet<>();
        for (JsonNode item : list) {
            String text = item.isString() ? item.asString() : null;
            normalized.add(WidgetOrigins.normalize(text).orElseThrow(() -> badRequest(
                    "allowed_origins: " + (text == null ? "each entry must be a string" : "\"" + shorten(text)
                            + "\" is not an origin such as \"https://shop.example\" (scheme, host and port only)"))));
        }
        if (normalized.size() > WidgetOrigins.MAX_PER_STORE) {
            throw badRequest("allowed_origins holds at most " + WidgetOrigins.MAX_PER_STORE + " origins");
        }
        List<String> saved = List.copyOf(normalized);
        tx.inTransaction(() -> {
            origins.replace(store.id(), saved, clock.instant());
            return null;
        });
        return ApiResponse.ok(WidgetView.of(store.id(), saved));
    }

    private Store store(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::findById).orElseThrow(() -> ApiException.notFound("store not found"));
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "…" : text;
    }
}
