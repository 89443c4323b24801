package dev.paymux.api.payment;

import dev.paymux.api.limits.PublicEndpointLimits;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The seed's public donation API: no signature, the store's API key in the body. It only ever creates a
 * donation, so knowing a store's (public, embedded in its widget) API key gives nothing else.
 */
@RestController
@Tag(name = "Donations", description = "Public: create a donation with the store's API key (no signature)")
class DonationController {

    private final Checkout checkout;
    private final Stores stores;
    private final DonationParser parser;
    private final PaymentViews views;
    private final PublicEndpointLimits limits;

    DonationController(Checkout checkout, Stores stores, DonationParser parser, PaymentViews views,
            PublicEndpointLimits limits) {
        this.limits = limits;
        this.checkout = checkout;
        this.stores = stores;
        this.parser = parser;
        this.views = views;
    }

    @PostMapping("/donate/create")
    @Operation(summary = "Create a donation",
            description = "Body: api_key (the store's API key), currency (USDT_TRC20, BTC or ETH, enabled in the "
                    + "store), fiat_amount (+ fiat_currency, USD by default) or amount (in the currency), "
                    + "donor_name (up to 100 characters), donor_message (up to 500). The store must have "
                    + "donations enabled (403 otherwise); an unknown api_key is a 404. A 429 with Retry-After "
                    + "when the store already has paymux.donations.max-open-per-store unpaid donations or no "
                    + "address is free for one (donations never queue), and beyond paymux.limits.donations-per-client from one client address. Answers the single-currency payment "
                    + "shape. Donations never trigger webhooks; their events show in the delivery log as skipped.")
    ApiResponse<Object> create(HttpServletRequest request) throws IOException {
        DonationParser.DonationRequest parsed = parser.parse(PaymentController.body(request));
        Store store = stores.findCredentialsByApiKey(parsed.apiKey())
                .flatMap(c -> stores.findById(c.storeId()))
                .orElseThrow(() -> ApiException.notFound("store not found"));
        limits.donation(store, request);
        Payment donation = checkout.donate(store, parsed.donation());
        return ApiResponse.ok(views.created(donation, store));
    }
}
