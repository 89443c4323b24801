package dev.paymux.api.rates;

import dev.paymux.api.limits.PublicEndpointLimits;
import jakarta.servlet.http.HttpServletRequest;

import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.rates.Pricing;
import dev.paymux.core.rates.RateProvider;
import dev.paymux.core.rates.RateTable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/rates}: public, unsigned; the table is cached by {@link RateService}. */
@RestController
@Tag(name = "Rates", description = "Public: exchange rates of the pay-in coins, cached for 5 minutes")
class RatesController {

    private final RateProvider rates;
    private final PublicEndpointLimits limits;

    RatesController(RateProvider rates, PublicEndpointLimits limits) {
        this.rates = rates;
        this.limits = limits;
    }

    @GetMapping("/api/v1/rates")
    @Operation(summary = "Exchange rates, and optionally a conversion",
            description = "Prices of btc, eth and usdt in usd, eur, rub, cny and gbp. With amount, fiat and crypto "
                    + "(all three), also `converted`: how much of the crypto the fiat amount buys, rounded down to "
                    + "the asset's precision. `source` names the sources that priced the table (e.g. "
                    + "`coinbase+kraken`, or `fixed`); `stale` is true when the live sources are failing and these are "
                    + "the last good rates. 400 on bad parameters; 503 when no usable rates are available.")
    ApiResponse<RatesView> rates(
            @Parameter(description = "Fiat amount to convert, a positive decimal with at most 2 decimals",
                    example = "5000") @RequestParam(required = false) String amount,
            @Parameter(description = "Fiat of the amount: USD, EUR, RUB, CNY or GBP", example = "RUB")
            @RequestParam(required = false) String fiat,
            @Parameter(description = "Asset to convert to: USDT_TRC20, USDT_ERC20, BTC or ETH", example = "USDT_TRC20")
            @RequestParam(required = false) String crypto, HttpServletRequest request) {
        limits.rates(request);
        // Validate before touching the rates, so a bad request is a 400 even while the sources are down.
        Optional<ConversionRequest> conversion = ConversionRequest.from(amount, fiat, crypto);
        RateTable table = rates.current();
        BigDecimal converted = conversion
                .map(c -> Pricing.quote(c.amount(), c.fiat(), c.asset(), table))
                .orElse(null);
        return ApiResponse.ok(RatesView.of(table, converted));
    }
}
