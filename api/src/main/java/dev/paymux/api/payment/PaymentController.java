package dev.paymux.api.payment;

import dev.paymux.api.auth.AuthenticatedStore;
import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.payment.CreatePayment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentPage;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Map;
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
    private final Checkout checkout;
    private final Stores stores;
    private final CreatePaymentParser parser;
    private final PaymentViews views;
    private final PaymentListQueryParser listQueries;

    PaymentController(PaymentService payments, Checkout checkout, Stores stores, CreatePaymentParser parser,
            PaymentViews views, PaymentListQueryParser listQueries) {
        this.payments = payments;
        this.checkout = checkout;
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
        PaymentService.Created created = checkout.create(store, command);
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
