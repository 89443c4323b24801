package dev.paymux.api.admin;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.money.Asset;
import dev.paymux.core.store.AccountId;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator's API: stores, credentials and receiving-address pools. */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class AdminController {

    private final StoreAdministration administration;
    private final StoreDirectory directory;
    private final Stores stores;
    private final StoreSettingsParser settingsParser;
    private final JsonMapper json;

    AdminController(StoreAdministration administration, StoreDirectory directory, Stores stores,
            StoreSettingsParser settingsParser, JsonMapper json) {
        this.administration = administration;
        this.directory = directory;
        this.stores = stores;
        this.settingsParser = settingsParser;
        this.json = json;
    }

    record StoreView(@JsonProperty("store_id") String storeId, @JsonProperty("account_id") String accountId,
            String name, @JsonProperty("api_key") String apiKey, List<String> assets,
            @JsonProperty("pricing_currency") String pricingCurrency,
            @JsonProperty("lifetime_seconds") long lifetimeSeconds,
            @JsonProperty("underpaid_tolerance_percent") java.math.BigDecimal tolerance,
            @JsonProperty("webhook_url") String webhookUrl,
            @JsonProperty("donations_enabled") boolean donationsEnabled,
            @JsonProperty("donation_text") String donationText) {
        static StoreView of(Store s) {
            return new StoreView(s.id().toString(), s.accountId().toString(), s.name(), s.apiKey(),
                    s.assets().stream().map(Asset::name).toList(), s.pricingCurrency(), s.lifetime().toSeconds(),
                    s.underpaidTolerancePercent(), s.webhookUrl(), s.donationsEnabled(), s.donationText());
        }
    }

    record Credentials(@JsonProperty("store_id") String storeId, @JsonProperty("account_id") String accountId,
            @JsonProperty("api_key") String apiKey, @JsonProperty("api_secret") String apiSecret,
            @JsonProperty("webhook_secret") String webhookSecret) {
    }

    @PostMapping("/admin/v1/stores")
    @Operation(summary = "Create a store", description = "Body: name, account_id (optional; a new account otherwise), "
            + "assets, pricing_currency, lifetime_seconds, underpaid_tolerance_percent, webhook_url, "
            + "donations_enabled (default false), donation_text. The response carries the API secret and webhook secret: they are shown only this once.")
    ApiResponse<Credentials> create(HttpServletRequest request) throws IOException {
        JsonNode root = object(request);
        JsonNode name = root.get("name");
        if (name == null || !name.isString() || name.asString().isBlank() || name.asString().length() > 200) {
            throw badRequest("name is required (1 to 200 characters)");
        }
        AccountId account = null;
        if (root.hasNonNull("account_id")) {
            account = parseAccount(root.get("account_id"));
        }
        StoreSettings settings = settingsParser.parse(root);
        var issued = administration.createStore(account, null, name.asString().trim(), settings);
        return ApiResponse.ok(new Credentials(issued.storeId().toString(), issued.accountId().toString(),
                issued.apiKey(), issued.apiSecret(), issued.webhookSecret()));
    }

    @GetMapping("/admin/v1/stores")
    @Operation(summary = "List stores (no secrets)")
    ApiResponse<List<StoreView>> list() {
        return ApiResponse.ok(directory.list().stream().map(StoreView::of).toList());
    }

    @GetMapping("/admin/v1/stores/{storeId}")
    @Operation(summary = "Show a store (no secrets)")
    ApiResponse<StoreView> get(@PathVariable String storeId) {
        return ApiResponse.ok(StoreView.of(store(storeId)));
    }

    @PatchMapping("/admin/v1/stores/{storeId}")
    @Operation(summary = "Change a store's settings", description = "Any of: assets, pricing_currency, "
            + "lifetime_seconds, underpaid_tolerance_percent, webhook_url, donations_enabled, donation_text "
            + "(null or \"\" removes it).")
    ApiResponse<StoreView> update(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = store(storeId);
        StoreSettings settings = settingsParser.parse(object(request));
        directory.updateSettings(store.id(), settings);
        return ApiResponse.ok(StoreView.of(stores.findById(store.id()).orElseThrow()));
    }

    @PostMapping("/admin/v1/stores/{storeId}/credentials")
    @Operation(summary = "Rotate the store's API key and secret", description = "The old pair stops working at once.")
    ApiResponse<Credentials> rotate(@PathVariable String storeId) {
        Store store = store(storeId);
        var issued = administration.rotateApiCredentials(store.id(), store.accountId());
        return ApiResponse.ok(new Credentials(store.id().toString(), store.accountId().toString(), issued.apiKey(),
                issued.apiSecret(), null));
    }

    @PostMapping("/admin/v1/stores/{storeId}/addresses")
    @Operation(summary = "Import receiving addresses", description = "Body: {\"asset\":\"USDT_TRC20\",\"addresses\":[...]}; "
            + "addresses already in the pool are skipped; any malformed address (format or checksum: bech32/bech32m or "
            + "base58check for BTC, EIP-55 for mixed-case Ethereum addresses, base58check T… for TRON) rejects the "
            + "whole import.")
    ApiResponse<Map<String, Object>> importAddresses(@PathVariable String storeId, HttpServletRequest request)
            throws IOException {
        Store store = store(storeId);
        JsonNode root = object(request);
        Asset asset = parseAsset(root.get("asset"));
        JsonNode list = root.get("addresses");
        if (list == null || !list.isArray() || list.isEmpty() || list.size() > 10_000) {
            throw badRequest("addresses must be a non-empty array (at most 10000)");
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode a : list) {
            if (!a.isString()) {
                throw badRequest("not a valid " + asset.name() + " address: " + a);
            }
            addresses.add(a.asString());
        }
        int added;
        try {
            added = administration.importChecked(store.id(), asset, addresses);
        } catch (StoreAdministration.BadAddress e) {
            throw badRequest(e.getMessage());
        }
        return ApiResponse.ok(Map.of("added", added, "total", directory.addresses(store.id(), asset).size()));
    }

    @GetMapping("/admin/v1/stores/{storeId}/addresses")
    @Operation(summary = "List a store's pool addresses for an asset", description = "Imported addresses only; "
            + "addresses derived from an extended public key serve one payment each and are not listed.")
    ApiResponse<List<String>> addresses(@PathVariable String storeId, @RequestParam String asset) {
        Store store = store(storeId);
        return ApiResponse.ok(directory.addresses(store.id(), Asset.parse(asset)
                .orElseThrow(() -> badRequest("unknown asset '" + asset + "'"))));
    }

    @PostMapping("/admin/v1/operator-tokens")
    @Operation(summary = "Issue another operator token", description = "Body: {\"label\":\"...\"}; shown once.")
    ApiResponse<Map<String, String>> issueToken(HttpServletRequest request) throws IOException {
        JsonNode root = object(request);
        String label = root.hasNonNull("label") && root.get("label").isString() ? root.get("label").asString() : "operator";
        return ApiResponse.ok(Map.of("token", administration.issueOperatorToken(label)));
    }

    private Store store(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::findById).orElseThrow(() -> ApiException.notFound("store not found"));
    }

    private JsonNode object(HttpServletRequest request) throws IOException {
        return JsonBodies.object(request, json);
    }

    private static AccountId parseAccount(JsonNode node) {
        try {
            return new AccountId(java.util.UUID.fromString(node.asString()));
        } catch (IllegalArgumentException e) {
            throw badRequest("account_id must be a UUID");
        }
    }

    static Asset parseAsset(JsonNode node) {
        if (node == null || !node.isString()) {
            throw badRequest("asset is required");
        }
        return Asset.parse(node.asString()).orElseThrow(() -> badRequest("unknown asset '" + node.asString() + "'"));
    }
}
