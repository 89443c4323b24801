package dev.paymux.api.widget;

import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.api.limits.PublicEndpointLimits;
import dev.paymux.api.payment.CreatePaymentParser;
import dev.paymux.api.payment.PaymentViews;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.payment.CreatePayment;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.PaymentSource;
import dev.paymux.core.store.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment widget's create endpoint: public (the store's public API key is in the path, no signature)
 * and open to the browser pages of the store's allowed origins only, by CORS and by a check of the
 * {@code Origin} header on every request. Limited per store and per client address. The payment is made
 * through the one checkout path and marked as made by the widget: its amount comes from the customer's
 * browser, so the merchant checks it in the webhook.
 */
@RestController
@Tag(name = "Widget", description = "Public: the payment widget's create endpoint (CORS, allowed origins only)")
class WidgetController {

    static final String PATH = "/widget/v1/stores/{apiKey}/payments";

    private final WidgetAccess access;
    private final Checkout checkout;
    private final CreatePaymentParser parser;
    private final PaymentViews views;
    private final PublicEndpointLimits limits;

    WidgetController(WidgetAccess access, Checkout checkout, CreatePaymentParser parser, PaymentViews views,
            PublicEndpointLimits limits) {
        this.access = access;
        this.checkout = checkout;
        this.parser = parser;
        this.views = views;
        this.limits = limits;
    }

    @PostMapping(PATH)
    @Operation(summary = "Create a payment from the store's payment widget",
            description = "Public: no signature; only browser pages of the store's allowed origins "
                    + "(PUT /admin/v1/stores/{id}/widget) may call it, checked on the Origin header. Body as the "
                    + "signed create: amount, or fiat_amount + fiat_currency; currency (optional); order_id; "
                    + "metadata. An order_id made by the merchant's API cannot be reused here (409), nor can a "
                    + "widget order_id be asked for with another amount (409). 403 when the origin is not "
                    + "allowed or the store has no allowed origins; 429 with Retry-After beyond "
                    + "paymux.limits.widget-per-store or paymux.limits.widget-per-client. The payment's views and "
                    + "webhooks carry \"source\": \"widget\".")
    ApiResponse<Object> create(@PathVariable String apiKey, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        response.setHeader("Vary", "Origin");
        Store store = access.store(apiKey).orElseThrow(() -> ApiException.notFound("store not found"));
        String origin = access.allowedOrigin(store, request.getHeader("Origin")).orElse(null);
        if (origin == null) {
            // No CORS headers: a page of another origin cannot even read this answer.
            throw ApiException.forbidden("this site may not create payments for the store: add its origin to "
                    + "the store's allowed widget origins");
        }
        // From here on the page may read every answer, errors included, and the Retry-After of a 429.
        allow(response, origin);
        limits.widgetPayment(store, request);
        CreatePayment asked = parser.parse(body(request));
        CreatePayment command = new CreatePayment(asked.orderId(), asked.amount(), asked.fiatAmount(), asked.fiat(),
                asked.asset(), asked.metadataJson(), PaymentSource.WIDGET);
        PaymentService.Created created = checkout.create(store, command);
        return ApiResponse.ok(views.created(created.payment(), store));
    }

    static void allow(HttpServletResponse response, String origin) {
        response.setHeader("Access-Control-Allow-Origin", origin);
        response.setHeader("Access-Control-Expose-Headers", "Retry-After");
    }

    private static byte[] body(HttpServletRequest request) throws IOException {
        return request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
    }
}
