package dev.paymux.core.routing;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.spi.PaymentIntent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** The routing decisions of payments. Methods run in the caller's transaction. */
public interface RouteDecisions {

    /** Stores a (new or renewed) decision for the payment. */
    void record(PaymentId payment, PaymentIntent intent, RouteDecision decision, Instant now);

    /**
     * Takes the routing lease of a payment until {@code until}; false when another request holds it, so
     * only one request at a time tries providers for one payment.
     */
    boolean lease(PaymentId payment, Instant now, Instant until);

    /** Extends the lease this request holds to {@code until} (before each provider call). */
    void renew(PaymentId payment, Instant until);

    /** The payment is held by {@code instance} at {@code cost}; ends the lease. */
    void placed(PaymentId payment, String instance, BigDecimal cost, BigDecimal saving);

    /** No instance took the payment this time; ends the lease. */
    void released(PaymentId payment);

    Optional<StoredRoute> find(PaymentId payment);
}
