package dev.paymux.soprano;

import feign.Param;
import feign.RequestLine;
import feign.Response;
import java.math.BigDecimal;

/**
 * Soprano's HTTP API as documented (paths relative to the base URL, which includes {@code /api/v1}).
 * {@code X-API-Key} is added to every request by the provider's request interceptor; JSON field names are
 * snake_case on the wire (see {@link SopranoJson}).
 */
interface SopranoClient {

    @RequestLine("POST /payment/create")
    SopranoPayment create(CreatePayment request);

    // decodeSlash = false: a payment id is one path segment, whatever it contains.
    @RequestLine(value = "GET /payment/{paymentId}", decodeSlash = false)
    SopranoPayment get(@Param("paymentId") String paymentId);

    /** Returned raw: the adapter reads the status code and the (undocumented) body itself. */
    @RequestLine("GET /health")
    Response health();

    /**
     * The body of {@code POST /payment/create}: the documented {@code merchant_id, amount, currency,
     * description}, plus {@code order_id} carrying Paymux's reference (not documented; see the README).
     */
    record CreatePayment(long merchantId, BigDecimal amount, String currency, String description, String orderId) {
    }

    /**
     * A payment as Soprano answers it to create (documented) and, by assumption, to {@code GET
     * /payment/{payment_id}}. {@code orderId} is read when Soprano echoes it.
     */
    record SopranoPayment(Long id, Long merchantId, String paymentId, BigDecimal amount, String currency,
            String status, String paymentUrl, String orderId) {
    }

    /** A callback body as documented: {@code payment_id, status, amount, currency, timestamp}. */
    record Webhook(String paymentId, String status, BigDecimal amount, String currency, String timestamp,
            String orderId) {
    }
}
