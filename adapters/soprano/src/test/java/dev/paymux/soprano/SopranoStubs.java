package dev.paymux.soprano;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Configuration, intents, stubs and callbacks for the Soprano tests, from the bodies under wiremock/soprano. */
final class SopranoStubs {

    static final String INSTANCE = "soprano-test";
    static final String API_KEY = "test-api-key-7f3a";
    static final long MERCHANT_ID = 7;
    static final String SECRET = "whsec-soprano-test";
    static final String API = "/api/v1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SopranoStubs() {
    }

    /** RUB by card: 100 .. 600 000, 2.5 % + 10 RUB (an operator's contract; Soprano publishes no fees). */
    static List<PayMethod> methods() {
        return List.of(new PayMethod("RUB", new BigDecimal("100"), new BigDecimal("600000"),
                new FeeSchedule(new BigDecimal("2.5"), new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO,
                        BigDecimal.ZERO), true));
    }

    static SopranoConfig config(String baseUrl, Duration readTimeout) {
        return SopranoConfig.defaults(INSTANCE, baseUrl + API, API_KEY, MERCHANT_ID, SECRET, methods())
                .withTimeouts(Duration.ofMillis(500), readTimeout)
                .withRetry(2, Duration.ofMillis(20));
    }

    static PaymentIntent intent(String reference) {
        return new PaymentIntent(reference, new BigDecimal("1000.00"), "RUB", "RUB", Duration.ofMinutes(30),
                "https://paymux.example/callbacks/soprano/soprano-test", null, null);
    }

    /** The Soprano payment id the stubs give the payment of {@code reference}. */
    static String paymentId(String reference) {
        return "pay_" + reference.replace("-", "");
    }

    static MappingBuilder createRequest() {
        return post(urlPathEqualTo(API + "/payment/create")).withHeader("X-API-Key", equalTo(API_KEY));
    }

    static void stubCreated(WireMockServer wm, PaymentIntent intent) {
        String id = paymentId(intent.reference());
        wm.stubFor(createRequest().withRequestBody(matchingJsonPath("$.order_id", equalTo(intent.reference())))
                .willReturn(json(200, payment("payment-created.json", id, intent.amount(), "pending"))));
        stubFetched(wm, intent, "pending");
    }

    static void stubFetched(WireMockServer wm, PaymentIntent intent, String status) {
        String id = paymentId(intent.reference());
        wm.stubFor(get(urlPathEqualTo(API + "/payment/" + id)).withHeader("X-API-Key", equalTo(API_KEY))
                .willReturn(json(200, payment("payment.json", id, intent.amount(), status))));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    static String payment(String file, String paymentId, BigDecimal amount, String status) {
        ObjectNode node = (ObjectNode) JSON.readTree(resource(file));
        node.put("merchant_id", MERCHANT_ID);
        node.put("payment_id", paymentId);
        node.put("amount", amount);
        node.put("status", status);
        node.put("payment_url", "https://payment.example.com/pay/" + paymentId);
        return JSON.writeValueAsString(node);
    }

    /** The documented callback body for the payment of {@code intent} in {@code status}. */
    static String webhookBody(PaymentIntent intent, String status) {
        ObjectNode node = (ObjectNode) JSON.readTree(resource("webhook.json"));
        node.put("payment_id", paymentId(intent.reference()));
        node.put("status", status);
        node.put("amount", intent.amount());
        return JSON.writeValueAsString(node);
    }

    static CallbackRequest callback(String body, String secret) {
        return CallbackRequest.json(body, secret == null ? Map.of() : Map.of("X-Webhook-Secret", secret));
    }

    static String resource(String file) {
        try (InputStream in = SopranoStubs.class.getResourceAsStream("/wiremock/soprano/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no stub body " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
