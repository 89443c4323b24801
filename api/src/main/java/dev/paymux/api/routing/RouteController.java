package dev.paymux.api.routing;

import dev.paymux.api.auth.AuthenticatedStore;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.routing.RouteAttempts;
import dev.paymux.core.routing.RouteDecisions;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payments")
@SecurityRequirement(name = "hmac")
class RouteController {

    private final PaymentService payments;
    private final RouteDecisions decisions;
    private final RouteAttempts attempts;
    private final Transactions tx;

    RouteController(PaymentService payments, RouteDecisions decisions, RouteAttempts attempts, Transactions tx) {
        this.payments = payments;
        this.decisions = decisions;
        this.attempts = attempts;
        this.tx = tx;
    }

    @GetMapping("/api/v1/payment/{paymentId}/route")
    @Operation(summary = "Why a payment went to its provider",
            description = "The routing decision: every provider instance considered, its cost or the reason it was "
                    + "not eligible, the instance chosen, the one that holds the payment (placed_at), the saving "
                    + "against the most expensive eligible instance, and each creation attempt with its outcome "
                    + "(created, rejected, abandoned). 404 for a payment that was not routed.")
    ApiResponse<RouteViews.RouteView> route(@PathVariable String paymentId, HttpServletRequest request) {
        StoreId store = AuthenticatedStore.of(request);
        PaymentId id = PaymentId.parse(paymentId).orElseThrow(() -> ApiException.notFound("payment not found"));
        Payment payment = payments.find(store, id).orElseThrow(() -> ApiException.notFound("payment not found"));
        return tx.inTransaction(() -> decisions.find(id)
                .map(r -> RouteViews.RouteView.of(id.toString(), payment.status().wire(), r, attempts.of(id)))
                .map(ApiResponse::ok)
                .orElseThrow(() -> ApiException.notFound("this payment was not routed")));
    }
}
