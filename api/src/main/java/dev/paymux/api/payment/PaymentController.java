package dev.paymux.api.payment;

import dev.paymux.api.auth.AuthenticatedStore;
import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.api.provider.ProviderRegistry;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.payment.CreatePayment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentPage;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.core.providers.ProviderCheckout;
import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.routing.RoutedCheckout;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments", description = "Create, read and list a store's payments (HMAC-signed)")
@SecurityRequirement(name = "hmac")
class PaymentController {

    private final PaymentService payments;
    private final Stores stores;
    private final CreatePaymentParser parser;
    private final PaymentViews views;
    private final PaymentListQueryParser listQueries;

    private final StoreProviders storeProviders;
    private final ProviderRegistry providers;
    private final ProviderCheckout checkout;

    private final StoreRoutings routings;
    private final RoutedCheckout routed;

    PaymentController(PaymentService payments, Stores stores, CreatePaymentParser parser, PaymentViews views,
            PaymentListQueryParser listQueries, StoreProviders storeProviders, ProviderRegistry providers,
            ProviderCheckout checkout, StoreRoutings routings, RoutedCheckout routed) {
        this.routings = routings;
        this.routed = routed;
        this.storeProviders = storeProviders;
        this.providers = providers;
        this.checkout = checkout;
        this.payments = payments;
        this.stores = stores;
        this.parser = parser;
        this.views = views;
        this.listQueries = listQueries;
    }

    @PostMapping("/api/v1/payment/create")
    @Operation(summary = "Create a payment",
            description = "Body: amount (string), order_id, fiat_amount + fiat_currency (overrides amount), "
                    + "currency (optional asset, skips the customer's choice), metadata (object). "
                    + "The same order_id returns the same payment.")
    ApiResponse<Object> create(HttpServletRequest request) throws IOException {
        StoreId storeId = AuthenticatedStore.of(request);
        CreatePayment command = parser.parse(body(request));
        Store store = stores.findById(storeId).orElseThrow(() -> ApiException.notFound("store not found"));
        Optional<StoreRouting> routing = routings.find(storeId).filter(StoreRouting::enabled);
        if (routing.isPresent()) {
            return ApiResponse.ok(views.created(routed.create(store, command, routing.get()).payment(), store));
        }
        // A disabled instance still answers callbacks for its payments but takes no new ones.
        Optional<PaymentProvider> provider = storeProviders.instanceOf(storeId).map(instance -> providers.find(instance)
                .filter(p -> providers.routable(p.instance()))
                .orElseThrow(() -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        "the store's payment provider is not configured or disabled")));
        PaymentService.Created created = provider.isPresent() ? checkout.create(store, command, provider.get())
                : payments.create(store, command);
        return ApiResponse.ok(views.created(created.payment(), store));
    }

    @GetMapping("/api/v1/payment/{paymentId}")
    @Operation(summary = "Get a payment's status")
    ApiResponse<PaymentViews.Status> get(@PathVariable String paymentId, HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        PaymentId id = PaymentId.parse(paymentId).orElseThrow(() -> ApiException.notFound("payment not found"));
        return payments.find(store, id).map(views::status).map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("payment not found"));
    }

    @GetMapping("/api/v1/payments")
    @Operation(summary = "List payments", description = "Newest first. Query: page (from 1), per_page (1-100, "
            + "default 20), status, currency, kind (payment or donation), date_from and date_to (ISO date or "
            + "instant; a date_to date includes that whole day, UTC). Donations carry \"donation\": true and "
            + "donor_name / donor_message when the donor gave them.")
    ApiResponse<PaymentViews.Page> list(@RequestParam Map<String, String> query, HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        var q = listQueries.parse(store, query);
        PaymentPage page = payments.list(q);
        long totalPages = (page.total() + q.perPage() - 1) / q.perPage();
        return ApiResponse.ok(new PaymentViews.Page(page.payments().stream().map(views::status).toList(), q.page(),
                q.perPage(), page.total(), totalPages));
    }

    static byte[] body(HttpServletRequest request) throws IOException {
        return request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
    }
}
