package dev.paymux.api.balance;

import dev.paymux.api.auth.AuthenticatedStore;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.ledger.Balance;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Asset;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Balance")
@SecurityRequirement(name = "hmac")
class BalanceController {

    private final Ledger ledger;
    private final Stores stores;

    BalanceController(Ledger ledger, Stores stores) {
        this.ledger = ledger;
        this.stores = stores;
    }

    /** The seed's balance shape: one entry per asset the store accepts or has ever had money in. */
    @GetMapping("/api/v1/merchant/balance")
    @Operation(summary = "The store's balances per asset, derived from the double-entry ledger")
    ApiResponse<Map<String, Map<String, BigDecimal>>> balance(HttpServletRequest request) {
        StoreId storeId = AuthenticatedStore.of(request);
        Map<Asset, Balance> balances = ledger.balances(storeId);
        Map<String, Map<String, BigDecimal>> data = new LinkedHashMap<>();
        Store store = stores.findById(storeId).orElseThrow();
        for (Asset asset : store.assets()) {
            data.put(asset.name(), view(asset, balances.getOrDefault(asset, Balance.zero())));
        }
        balances.forEach((asset, balance) -> data.putIfAbsent(asset.name(), view(asset, balance)));
        return ApiResponse.ok(data);
    }

    private static Map<String, BigDecimal> view(Asset asset, Balance b) {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("available", scaled(asset, b.available()));
        m.put("pending", scaled(asset, b.pending()));
        m.put("total_received", scaled(asset, b.totalReceived()));
        m.put("total_withdrawn", scaled(asset, b.totalWithdrawn()));
        m.put("total_commission", scaled(asset, b.totalCommission()));
        return m;
    }

    private static BigDecimal scaled(Asset asset, BigDecimal v) {
        return v.setScale(Math.max(asset.displayScale(), v.stripTrailingZeros().scale()));
    }
}
