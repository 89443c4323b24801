package dev.paymux.exchanger;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.paymux.exchanger.ExchangerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** What goes over the wire: the order request, the signer's headers, fetches, and error mapping. */
class ExchangerRequestsTest extends ExchangerWireMockSupport {

    private static final String CREATE = "/public/exchanger/order/create";
    private static final String GET = "/public/exchanger/order/get";

    private void stubCreate(PaymentIntent intent) {
        wireMock.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(createdBody(intent))));
    }

    private void stubFetch(PaymentIntent intent, String status) {
        wireMock.stubFor(get(urlPathEqualTo(GET)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(fetchedBody(intent, status))));
    }

    private void stubCreateAnswer(int status, String body) {
        wireMock.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void theOrderRequestCarriesTheDocumentsParameters() {
        PaymentIntent intent = cardIntent("pay-123");
        stubCreate(intent);
        new ExchangerProvider(config(wireMock.baseUrl()).withOrderOptions("partner-7", "ru", true)).create(intent);

        wireMock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {
                          "routeId": "5f1a000000000000000000a1",
                          "partner": "partner-7",
                          "amount": 5000.00,
                          "fromValues": [],
                          "toValues": [ { "key": "5f1a00000000000000000002", "value": "TMzz9MrUhHMBDZwDsX1PAJ3wVDBXdEm9iN" } ],
                          "routeValues": [],
                          "lang": "ru",
                          "agreement": true,
                          "hideOutData": true,
                          "clientCallbackUrl": "https://shop.test/orders/pay-123",
                          "ipnUrl": "https://paymux.test/callbacks/exchanger/exchanger-test?paymuxRef=pay-123",
                          "ipnSecret": "ipn-secret-for-tests"
                        }""")));
    }

    @Test
    void theCreatedOrderBecomesAProviderPayment() {
        PaymentIntent intent = cardIntent("pay-124");
        stubCreate(intent);
        ProviderPayment payment = new ExchangerProvider(config(wireMock.baseUrl())).create(intent);

        assertThat(payment.reference()).isEqualTo(
                new ProviderReference(INSTANCE, uid("pay-124"), secret("pay-124")));
        assertThat(payment.status().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.status().raw()).isEqualTo("new");
        assertThat(payment.payAmount()).isEqualByComparingTo("5000.00");
        assertThat(payment.payCurrency()).isEqualTo("RUB");
        assertThat(payment.amountReceived()).isNull();
        assertThat(payment.paymentUrl()).isEqualTo(
                "https://www.kryptoswap.io/en/payment/" + uid("pay-124") + "/" + secret("pay-124"));
        assertThat(payment.reference().toString()).doesNotContain(secret("pay-124"));
    }

    @Test
    void aRepeatedCreateForTheSameReferenceSendsNoSecondOrder() {
        PaymentIntent intent = cardIntent("pay-125");
        stubCreate(intent);
        ExchangerProvider provider = new ExchangerProvider(config(wireMock.baseUrl()));
        ProviderPayment first = provider.create(intent);
        assertThat(provider.create(intent)).isEqualTo(first);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void withoutACallbackUrlNoIpnIsAskedFor() {
        PaymentIntent intent = new PaymentIntent("pay-126", new BigDecimal("5000"), "RUB", null, Duration.ofMinutes(5),
                null, null, null);
        stubCreate(intent);
        new ExchangerProvider(config(wireMock.baseUrl())).create(intent);
        wireMock.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withRequestBody(matchingJsonPath("$.ipnUrl", absent()))
                .withRequestBody(matchingJsonPath("$.ipnSecret", absent()))
                .withRequestBody(matchingJsonPath("$.clientCallbackUrl", absent())));
    }

    @Test
    void theDefaultSignerSendsTheConfiguredApiKeyHeader() {
        PaymentIntent intent = cardIntent("pay-127");
        wireMock.stubFor(post(urlPathEqualTo(CREATE)).withHeader("X-Api-Key", equalTo("key-123"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(createdBody(intent))));
        ProviderPayment payment = new ExchangerProvider(config(wireMock.baseUrl()).withApiKey("X-Api-Key", "key-123"))
                .create(intent);
        assertThat(payment.reference().externalId()).isEqualTo(uid("pay-127"));
    }

    @Test
    void withoutAnApiKeyNoAuthorisationIsSent() {
        PaymentIntent intent = cardIntent("pay-128");
        stubCreate(intent);
        new ExchangerProvider(config(wireMock.baseUrl())).create(intent);
        wireMock.verify(postRequestedFor(urlPathEqualTo(CREATE)).withHeader("Authorization", absent()));
    }

    @Test
    void aPluggedInSignerSignsEveryRequestAsSent() throws Exception {
        RequestSigner hmac = request -> {
            String signature = hmacHex("signing-key", request.method() + "\n" + request.pathAndQuery() + "\n"
                    + new String(request.body(), StandardCharsets.UTF_8));
            return Map.of("X-Key", "merchant-1", "X-Signature", signature);
        };
        PaymentIntent intent = cardIntent("pay-129");
        stubCreate(intent);
        stubFetch(intent, "waitPayment");
        ExchangerProvider provider = new ExchangerProvider(config(wireMock.baseUrl()), hmac);

        ProviderPayment payment = provider.create(intent);
        provider.fetch(payment.reference());

        LoggedRequest create = wireMock.findAll(postRequestedFor(urlPathEqualTo(CREATE))).get(0);
        assertThat(create.getHeader("X-Key")).isEqualTo("merchant-1");
        assertThat(create.getHeader("X-Signature")).isEqualTo(
                hmacHex("signing-key", "POST\n" + CREATE + "\n" + create.getBodyAsString()));
        LoggedRequest fetch = wireMock.findAll(getRequestedFor(urlPathEqualTo(GET))).get(0);
        assertThat(fetch.getHeader("X-Signature")).isEqualTo(hmacHex("signing-key", "GET\n" + fetch.getUrl() + "\n"));
        assertThat(fetch.getUrl()).contains("orderSecret=" + secret("pay-129"));
    }

    @Test
    void fetchAsksByUidAndSecretAndMapsTheStatus() {
        PaymentIntent intent = cardIntent("pay-130");
        stubFetch(intent, "done");
        ProviderPayment payment = new ExchangerProvider(config(wireMock.baseUrl()))
                .fetch(new ProviderReference(INSTANCE, uid("pay-130"), secret("pay-130")));

        wireMock.verify(getRequestedFor(urlPathEqualTo(GET))
                .withQueryParam("orderUID", equalTo(uid("pay-130")))
                .withQueryParam("orderSecret", equalTo(secret("pay-130"))));
        assertThat(payment.status().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(payment.amountReceived()).isEqualByComparingTo("5000.00");
        assertThat(payment.payCurrency()).isEqualTo("RUB");
    }

    @Test
    void fetchIsRetriedOnceOnA503() {
        PaymentIntent intent = cardIntent("pay-131");
        wireMock.stubFor(get(urlPathEqualTo(GET)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wireMock.stubFor(get(urlPathEqualTo(GET)).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(fetchedBody(intent, "inProgressPayout"))));
        ProviderPayment payment = new ExchangerProvider(config(wireMock.baseUrl()))
                .fetch(new ProviderReference(INSTANCE, uid("pay-131"), secret("pay-131")));
        assertThat(payment.status().status()).isEqualTo(PaymentStatus.CONFIRMING);
        wireMock.verify(2, getRequestedFor(urlPathEqualTo(GET)));
    }

    @Test
    void createIsNeverRetried() {
        stubCreateAnswer(503, "");
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> new ExchangerProvider(config(wireMock.baseUrl())).create(cardIntent("pay-132")));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        wireMock.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void errorAnswersBecomeTypedErrorsWithTheExchangersMessage() {
        ExchangerProvider provider = new ExchangerProvider(config(wireMock.baseUrl()));

        stubCreateAnswer(422, "{\"error\":{\"message\":\"Route is disabled\",\"errorCode\":17}}");
        assertThat(failure(provider, "pay-133")).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("Route is disabled");
        });
        stubCreateAnswer(400, "{\"errors\":[{\"msg\":\"amount must be a number\"}]}");
        assertThat(failure(provider, "pay-134").getMessage()).contains("amount must be a number");
        stubCreateAnswer(400, "<html>Bad Request</html>");
        assertThat(failure(provider, "pay-135").getMessage()).contains("HTTP 400").doesNotContain("html");
        stubCreateAnswer(401, "{\"message\":\"token expired\"}");
        assertThat(failure(provider, "pay-136")).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).contains("authorisation");
        });
        stubCreateAnswer(429, "{}");
        assertThat(failure(provider, "pay-137").kind()).isEqualTo(Kind.UNAVAILABLE);
        stubCreateAnswer(200, "{\"order\":{\"uid\":1409,\"status\":\"new\"}}");
        assertThat(failure(provider, "pay-138")).satisfies(e -> {
            assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
            assertThat(e.getMessage()).contains("secret");
        });
        stubCreateAnswer(200, "[1,2,3]");
        assertThat(failure(provider, "pay-139").kind()).isEqualTo(Kind.MALFORMED);
        stubCreateAnswer(204, "");
        assertThat(failure(provider, "pay-140").kind()).isEqualTo(Kind.MALFORMED);
        stubCreateAnswer(302, "");
        assertThat(failure(provider, "pay-141").kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void anUnknownOrderIsRejectedOnFetch() {
        wireMock.stubFor(get(urlPathEqualTo(GET)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Order not found\"}")));
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> new ExchangerProvider(config(wireMock.baseUrl()))
                        .fetch(new ProviderReference(INSTANCE, "1409", "dGqwF2M2eBPaSN1G5ljMS1cb")));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("Order not found");
    }

    @Test
    void aFetchWithoutTheOrderSecretOrForAnotherInstanceIsRefusedWithoutACall() {
        ExchangerProvider provider = new ExchangerProvider(config(wireMock.baseUrl()));
        assertThat(catchThrowableOfType(ProviderException.class,
                () -> provider.fetch(new ProviderReference(INSTANCE, "1409", null))).kind()).isEqualTo(Kind.REJECTED);
        assertThat(catchThrowableOfType(ProviderException.class,
                () -> provider.fetch(new ProviderReference("other", "1409", "s"))).kind()).isEqualTo(Kind.REJECTED);
        assertThat(requests()).isZero();
    }

    @Test
    void secretsStayOutOfStringsAndErrors() {
        ExchangerConfig config = config(wireMock.baseUrl()).withApiKey("Authorization", "Bearer very-secret-key");
        assertThat(config.toString()).doesNotContain("very-secret-key").doesNotContain(IPN_SECRET)
                .contains("apiKey=***");
        assertThat(RequestSigner.staticHeader("X-Api-Key", "very-secret-key").toString())
                .doesNotContain("very-secret-key");

        wireMock.stubFor(get(urlPathEqualTo(GET)).willReturn(aResponse().withFixedDelay(3000).withStatus(200)));
        ProviderException e = catchThrowableOfType(ProviderException.class, () -> new ExchangerProvider(config)
                .fetch(new ProviderReference(INSTANCE, "1409", "the-order-secret")));
        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("the-order-secret");
        }
    }

    private static ProviderException failure(ExchangerProvider provider, String reference) {
        return catchThrowableOfType(ProviderException.class, () -> provider.create(cardIntent(reference)));
    }

    private static String hmacHex(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

}
