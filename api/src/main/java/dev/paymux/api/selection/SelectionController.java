package dev.paymux.api.selection;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.Times;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.rates.Pricing;
import dev.paymux.core.rates.RateProvider;
import dev.paymux.core.rates.RatesUnavailableException;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The customer's side of a multi-currency payment (public: the token in {@code payment_url} is the
 * credential). GET shows what each asset would cost; POST chooses one and creates the payment.
 */
@RestController
@Tag(name = "Currency selection", description = "Public: resolve a selection token and choose the pay-in asset")
class SelectionController {

    private final PaymentService payments;
    private final Stores stores;
    private final RateProvider rates;
    private final Clock clock;
    private final JsonMapper json;

    SelectionController(PaymentService payments, Stores stores, RateProvider rates, Clock clock, JsonMapper json) {
        this.payments = payments;
        this.stores = stores;
        this.rates = rates;
        this.clock = clock;
        this.json = json;
    }

    record Option(String currency, String amount, boolean available) {
    }

    record Selection(String status, BigDecimal amount, @JsonProperty("pricing_currency") String pricingCurrency,
            List<Option> currencies, @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("payment_id") String paymentId, String currency, @JsonProperty("pay_address") String payAddress,
            @JsonProperty("amount_to_pay") String amountToPay) {
    }

    @GetMapping("/api/v1/selection/{token}")
    @Operation(summary = "Resolve a selection token", description = "The assets the customer may pay with and the "
            + "exact amount in each; after the choice, the payment that was made.")
    ApiResponse<Selection> get(@PathVariable String token) {
        Payment payment = payments.selection(token);
        Store store = stores.findById(payment.storeId()).orElseThrow();
        Payment.Snapshot s = payment.snapshot();
        if (s.status() != PaymentStatus.SELECTING || s.asset() != null) {
            BigDecimal due = s.amountWithCents() != null ? s.amountWithCents() : s.amountRequested();
            return ApiResponse.ok(new Selection(s.status().wire(), s.price().amount(), s.price().currency(), List.of(),
                    Times.iso(s.expiresAt()), s.id().toString(), s.asset() == null ? null : s.asset().name(),
                    s.slot() == null ? null : s.slot().address(),
                    due == null ? null : due.setScale(Math.max(s.asset().displayScale(), due.scale())).toPlainString()));
        }
        List<Option> options = store.assets().stream().map(asset -> option(payment, asset)).toList();
        return ApiResponse.ok(new Selection(s.status().wire(), s.price().amount(), s.price().currency(), options,
                Times.iso(s.expiresAt()), null, null, null, null));
    }

    @PostMapping("/api/v1/selection/{token}")
    @Operation(summary = "Choose the pay-in asset", description = "Body: {\"currency\":\"BTC\"}. Creates the payment; "
            + "a second choice returns the payment the first one made.")
    ApiResponse<Selection> choose(@PathVariable String token, HttpServletRequest request) throws IOException {
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            throw badRequest("the request body is not valid JSON");
        }
        if (root == null || !root.isObject() || root.get("currency") == null || !root.get("currency").isString()) {
            throw badRequest("currency is required, e.g. {\"currency\":\"USDT_TRC20\"}");
        }
        Asset asset = Asset.parse(root.get("currency").asString())
                .orElseThrow(() -> badRequest("unknown currency '" + root.get("currency").asString() + "'"));
        payments.choose(token, asset);
        return get(token);
    }

    private Option option(Payment payment, Asset asset) {
        try {
            BigDecimal amount = Pricing.toAsset(payment.price(), asset, needsRates(payment, asset) ? rates.current() : null,
                    clock.instant()).amount();
            return new Option(asset.name(), amount.setScale(Math.max(asset.displayScale(), amount.scale())).toPlainString(), true);
        } catch (RatesUnavailableException e) {
            return new Option(asset.name(), null, false);
        }
    }

    private static boolean needsRates(Payment payment, Asset asset) {
        Payment.Price p = payment.price();
        return !(p.kind() == Payment.Price.Kind.PRICING && p.currency().equals("USD") && asset.ticker().equals("usdt"));
    }
}
