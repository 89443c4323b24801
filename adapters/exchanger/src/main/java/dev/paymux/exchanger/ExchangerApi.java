package dev.paymux.exchanger;

import feign.Headers;
import feign.Param;
import feign.RequestLine;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The exchanger's HTTP API as Paymux uses it. Answers are read as trees because the document does not
 * show them; {@link ExchangerMapping} reads the fields it needs.
 */
@Headers("Accept: application/json")
interface ExchangerApi {

    /** Creates an order on a route (the document's {@code public/exchanger/order/create}). */
    @RequestLine("POST /public/exchanger/order/create")
    @Headers("Content-Type: application/json")
    JsonNode createOrder(Map<String, Object> body);

    /** An order by its uid and secret, the pair the exchanger's payment page is addressed by. */
    @RequestLine("GET /public/exchanger/order/get?orderUID={uid}&orderSecret={secret}")
    JsonNode getOrder(@Param("uid") String uid, @Param("secret") String secret);

    /** The exchanger's directions with their currencies and limits. */
    @RequestLine("GET /public/exchanger/route/get")
    JsonNode getRoutes();
}
