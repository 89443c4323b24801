package dev.paymux.api.selection;

import dev.paymux.api.limits.PublicEndpointLimits;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.api.web.Times;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's side of a multi-currency payment (public: the token in {@code payment_url} is the
 * credential). GET shows what each asset would cost; POST chooses one and creates the payment.
 */
@RestController
@Tag(name = "Currency selection", description = "Public: resolve a selection token and choose the pay-in asset")
class SelectionController {

    private final Selections selections;
    private final JsonMapper json;
    private final PublicEndpointLimits limits;

    SelectionController(Selections selections, JsonMapper json, PublicEndpointLimits limits) {
        this.limits = limits;
        this.selections = selections;
        this.json = json;
    }

    /** {@code reason} (English words) and {@code reason_code} (no_rate, no_address, no_provider) when not available. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Option(String currency, String amount, boolean available, String reason,
            @JsonProperty("reason_code") String reasonCode) {
    }

    record Selection(String status, BigDecimal amount, @JsonProperty("pricing_currency") String pricingCurrency,
            List<Option> currencies, @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("payment_id") String paymentId, String currency, @JsonProperty("pay_address") String payAddress,
            @JsonProperty("amount_to_pay") String amountToPay, @JsonProperty("payment_url") String paymentUrl) {
    }

    @GetMapping("/api/v1/selection/{token}")
    @Operation(summary = "Resolve a selection token", description = "The assets the customer may pay with, the "
            + "exact amount in each and whether it can be paid now (available; when false, reason in words and "
            + "reason_code: no_rate, no_address or no_provider); after the choice, the payment that was made "
            + "and payment_url, where the customer pays it.")
    ApiResponse<Selection> get(@PathVariable String token, HttpServletRequest request) {
        limits.selection(request);
        return ApiResponse.ok(selection(selections.view(token)));
    }

    @PostMapping("/api/v1/selection/{token}")
    @Operation(summary = "Choose the pay-in asset", description = "Body: {\"currency\":\"BTC\"}. Creates the payment "
            + "(routed to the cheapest provider when the store routes by cost); a second choice returns the "
            + "payment the first one made.")
    ApiResponse<Selection> choose(@PathVariable String token, HttpServletRequest request) throws IOException {
        limits.selection(request);
        JsonNode root = JsonBodies.object(request, json);
        if (root.get("currency") == null || !root.get("currency").isString()) {
            throw badRequest("currency is required, e.g. {\"currency\":\"USDT_TRC20\"}");
        }
        Asset asset = Asset.parse(root.get("currency").asString())
                .orElseThrow(() -> badRequest("unknown currency '" + root.get("currency").asString() + "'"));
        return ApiResponse.ok(selection(selections.choose(token, asset)));
    }

    private static Selection selection(Selections.View view) {
        Payment.Snapshot s = view.payment().snapshot();
        if (view.chosen()) {
            BigDecimal due = s.amountWithCents() != null ? s.amountWithCents() : s.amountRequested();
            return new Selection(s.status().wire(), s.price().amount(), s.price().currency(), List.of(),
                    Times.iso(s.expiresAt()), s.id().toString(), s.asset() == null ? null : s.asset().name(),
                    s.slot() == null ? null : s.slot().address(),
                    due == null || s.asset() == null ? null
                            : due.setScale(Math.max(s.asset().displayScale(), due.scale())).toPlainString(),
                    view.paymentUrl());
        }
        List<Option> options = view.options().stream()
                .map(o -> new Option(o.asset().name(), o.amountText(), o.available(), o.reason(),
                        o.unavailable() == null ? null : o.unavailable().code())).toList();
        return new Selection(s.status().wire(), s.price().amount(), s.price().currency(), options,
                Times.iso(s.expiresAt()), null, null, null, null, null);
    }
}
