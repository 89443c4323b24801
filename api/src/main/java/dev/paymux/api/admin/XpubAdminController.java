package dev.paymux.api.admin;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.XpubService;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator's API for a store's extended public keys: non-custodial, one derived address per payment. */
@RestController
@Tag(name = "Admin", description = "Operator API (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class XpubAdminController {

    private final XpubService xpubs;
    private final StoreAdministration administration;
    private final Stores stores;
    private final JsonMapper json;

    XpubAdminController(XpubService xpubs, StoreAdministration administration, Stores stores, JsonMapper json) {
        this.xpubs = xpubs;
        this.administration = administration;
        this.stores = stores;
        this.json = json;
    }

    record XpubView(String asset, String xpub, @JsonProperty("next_index") int nextIndex,
            @JsonProperty("first_address") String firstAddress, @JsonProperty("derivation_path") String derivationPath) {
        static XpubView of(XpubService.Configured c) {
            return new XpubView(c.asset().name(), c.xpub(), c.nextIndex(), c.firstAddress(), "<account key>/0/<index>");
        }
    }

    @PutMapping("/admin/v1/stores/{storeId}/xpubs/{asset}")
    @Operation(summary = "Set or replace the store's extended public key for an asset",
            description = "Body: {\"xpub\":\"zpub…\"}. The account-level public key of the merchant's wallet: BTC a BIP84 "
                    + "zpub (mainnet) or vpub (testnet), or a plain xpub/tpub (addresses are native SegWit bech32); ETH and "
                    + "USDT_ERC20 the xpub of m/44'/60'/0'. Private keys are refused. Each payment then gets the next "
                    + "receive address <key>/0/<index>, never reused, at the exact amount. USDT_TRC20 cannot use a key "
                    + "(TRON addresses must be activated and swept one by one): it keeps the address pool. The response "
                    + "shows the first address (index 0): compare it with the wallet's first receive address.")
    ApiResponse<XpubView> put(@PathVariable String storeId, @PathVariable String asset, HttpServletRequest request)
            throws IOException {
        Store store = store(storeId);
        Asset parsed = asset(asset);
        JsonNode xpub = object(request).get("xpub");
        if (xpub == null || !xpub.isString() || xpub.asString().isBlank() || xpub.asString().length() > 200) {
            throw badRequest("xpub is required (the extended public key as a string)");
        }
        XpubService.Configured configured = administration.setXpub(store.id(), parsed, xpub.asString());
        return ApiResponse.ok(XpubView.of(configured));
    }

    @GetMapping("/admin/v1/stores/{storeId}/xpubs")
    @Operation(summary = "List the store's extended public keys")
    ApiResponse<List<XpubView>> list(@PathVariable String storeId) {
        return ApiResponse.ok(xpubs.list(store(storeId).id()).stream().map(XpubView::of).toList());
    }

    @DeleteMapping("/admin/v1/stores/{storeId}/xpubs/{asset}")
    @Operation(summary = "Remove the store's extended public key for an asset",
            description = "New payments in the asset go back to the imported address pool; payments that already have "
                    + "a derived address keep it.")
    ApiResponse<Map<String, Object>> remove(@PathVariable String storeId, @PathVariable String asset) {
        Store store = store(storeId);
        Asset parsed = asset(asset);
        xpubs.remove(store.id(), parsed);
        return ApiResponse.ok(Map.of("asset", parsed.name(), "removed", true));
    }

    private Store store(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::findById).orElseThrow(() -> ApiException.notFound("store not found"));
    }

    private static Asset asset(String code) {
        return Asset.parse(code).orElseThrow(() -> badRequest("unknown asset '" + code + "'"));
    }

    private JsonNode object(HttpServletRequest request) throws IOException {
        return JsonBodies.object(request, json);
    }
}
