package dev.paymux.api.balance;

import dev.paymux.api.auth.AuthenticatedStore;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.ledger.Balance;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Currency;
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

    /**
     * The seed's balance shape: one entry per asset the store accepts or currency (asset or fiat) it has
     * ever had money in, each with the seed's five fields, plus {@code provider_held} (the part of
     * {@code available} that third-party providers hold) and {@code provider_held_by} (that part per
     * provider instance).
     */
    @GetMapping("/api/v1/merchant/balance")
    @Operation(summary = "The store's balances per asset and fiat currency, derived from the double-entry ledger",
            description = "Per currency: available, pending, total_received, total_withdrawn, total_commission, and "
                    + "provider_held (of available, what third-party providers collected and hold for the store) with "
                    + "provider_held_by (the same per provider instance).")
    ApiResponse<Map<String, Map<String, Object>>> balance(HttpServletRequest request) {
        StoreId storeId = AuthenticatedStore.of(request);
        Map<Currency, Balance> balances = ledger.balances(storeId);
        Map<String, Map<String, Object>> data = new LinkedHashMap<>();
        Store store = stores.findById(storeId).orElseThrow();
        for (Asset asset : store.assets()) {
            data.put(asset.code(), view(asset, balances.getOrDefault(asset, Balance.zero())));
        }
        balances.forEach((currency, balance) -> data.putIfAbsent(currency.code(), view(currency, balance)));
        return ApiResponse.ok(data);
    }

    private static Map<String, Object> view(Currency currency, Balance b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("available", scaled(currency, b.available()));
        m.put("pending", scaled(currency, b.pending()));
        m.put("total_received", scaled(currency, b.totalReceived()));
        m.put("total_withdrawn", scaled(currency, b.totalWithdrawn()));
        m.put("total_commission", scaled(currency, b.totalCommission()));
        m.put("provider_held", scaled(currency, b.providerHeldTotal()));
        Map<String, BigDecimal> byInstance = new LinkedHashMap<>();
        b.providerHeld().forEach((instance, amount) -> byInstance.put(instance, scaled(currency, amount)));
        m.put("provider_held_by", byInstance);
        return m;
    }

    private static BigDecimal scaled(Currency currency, BigDecimal v) {
        return v.setScale(Math.max(currency.displayScale(), v.stripTrailingZeros().scale()));
    }
}
