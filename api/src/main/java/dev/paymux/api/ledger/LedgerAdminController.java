package dev.paymux.api.ledger;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.ledger.Payout;
import dev.paymux.core.ledger.PayoutService;
import dev.paymux.core.money.Asset;
import dev.paymux.core.settlement.Commissions;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The operator's side of a store's money: its commission rate and the payouts made to it. */
@RestController
@Tag(name = "Admin: ledger", description = "Commission and payouts (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class LedgerAdminController {


    private final Stores stores;
    private final Commissions commissions;
    private final PayoutService payouts;
    private final JsonMapper json;

    LedgerAdminController(Stores stores, Commissions commissions, PayoutService payouts, JsonMapper json) {
        this.stores = stores;
        this.commissions = commissions;
        this.payouts = payouts;
        this.json = json;
    }

    record CommissionView(@JsonProperty("store_id") String storeId,
            @JsonProperty("commission_percent") BigDecimal percent) {
    }

    record PayoutView(@JsonProperty("payout_id") String id, @JsonProperty("store_id") String storeId, String asset,
            String amount, String reference, String note, @JsonProperty("created_at") String createdAt) {
        static PayoutView of(Payout p) {
            return new PayoutView(p.id().toString(), p.store().toString(), p.asset().name(),
                    p.amount().setScale(Math.max(p.asset().displayScale(), p.amount().scale())).toPlainString(),
                    p.reference(), p.note(), p.createdAt().toString());
        }
    }

    @GetMapping("/admin/v1/stores/{storeId}/commission")
    @Operation(summary = "The store's commission rate")
    ApiResponse<CommissionView> commission(@PathVariable String storeId) {
        Store store = store(storeId);
        return ApiResponse.ok(new CommissionView(store.id().toString(), commissions.percent(store.id()).stripTrailingZeros()));
    }

    @PutMapping("/admin/v1/stores/{storeId}/commission")
    @Operation(summary = "Set the store's commission rate", description = "Body: {\"percent\": \"1.5\"} (0 up to 99.9999, "
            + "at most 4 decimals). Applies to transfers that become final from now on.")
    ApiResponse<CommissionView> setCommission(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = store(storeId);
        JsonNode root = JsonBodies.object(request, json);
        BigDecimal percent = percent(root.get("percent"));
        commissions.setPercent(store.id(), percent);
        return ApiResponse.ok(new CommissionView(store.id().toString(), percent));
    }

    private static BigDecimal percent(JsonNode node) {
        BigDecimal value = node == null ? null
                : node.isString() && node.asString().matches("\\d{1,2}(\\.\\d{1,4})?") ? new BigDecimal(node.asString())
                : node.isNumber() ? node.decimalValue() : null;
        if (value == null || !Commissions.valid(value)) {
            throw badRequest("percent must be a number from 0 to below 100 with at most 4 decimals");
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    @PostMapping("/admin/v1/stores/{storeId}/payouts")
    @Operation(summary = "Record a payout to the store", description = "Body: asset, amount, reference (unique per store; "
            + "recording it again returns the first payout), note. Moves the amount from available to total_withdrawn; "
            + "422 when it exceeds the available balance.")
    ResponseEntity<ApiResponse<PayoutView>> payout(@PathVariable String storeId, HttpServletRequest request)
            throws IOException {
        Store store = store(storeId);
        JsonNode root = JsonBodies.object(request, json);
        Asset asset = JsonBodies.asset(root, "asset");
        BigDecimal amount = JsonBodies.amount(root, "amount", asset.decimals());
        String reference = JsonBodies.text(root, "reference", 200);
        if (reference == null) {
            throw badRequest("reference is required (your payout's own id or transaction hash)");
        }
        String note = JsonBodies.text(root, "note", 1000);
        PayoutService.Recorded r = payouts.record(store.id(), asset, amount, reference, note);
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(ApiResponse.ok(PayoutView.of(r.payout())));
    }

    @GetMapping("/admin/v1/stores/{storeId}/payouts")
    @Operation(summary = "The store's payouts, newest first")
    ApiResponse<List<PayoutView>> payouts(@PathVariable String storeId,
            @RequestParam(name = "limit", defaultValue = "100") String limit) {
        Store store = store(storeId);
        int n;
        try {
            n = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw badRequest("limit must be an integer from 1 to 1000");
        }
        if (n < 1 || n > 1000) {
            throw badRequest("limit must be an integer from 1 to 1000");
        }
        return ApiResponse.ok(payouts.list(store.id(), n).stream().map(PayoutView::of).toList());
    }

    private Store store(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::findById).orElseThrow(() -> ApiException.notFound("store not found"));
    }
}
