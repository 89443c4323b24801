package dev.paymux.cryptomus;

import feign.Headers;
import feign.RequestLine;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The Cryptomus merchant API as the adapter uses it. Every call is a signed POST of a JSON object; the
 * {@link CryptomusSignature#interceptor signing interceptor} adds {@code merchant} and {@code sign} over the
 * exact bytes the {@link CryptomusCodec encoder} wrote.
 */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface CryptomusApi {

    /** Creates an invoice; for a known {@code order_id} Cryptomus returns the existing one. */
    @RequestLine("POST /v1/payment")
    JsonNode createPayment(Map<String, Object> body);

    /** One invoice by {@code uuid} or {@code order_id}. */
    @RequestLine("POST /v1/payment/info")
    JsonNode paymentInfo(Map<String, Object> body);

    /** Payment services per currency and network: availability, limits, commission. */
    @RequestLine("POST /v1/payment/services")
    JsonNode services(Map<String, Object> body);

    /** Sends a test webhook to {@code url_callback}. */
    @RequestLine("POST /v1/test-webhook/payment")
    JsonNode testWebhook(Map<String, Object> body);

    /** Sends an invoice's last webhook again. */
    @RequestLine("POST /v1/payment/resend")
    JsonNode resend(Map<String, Object> body);
}
