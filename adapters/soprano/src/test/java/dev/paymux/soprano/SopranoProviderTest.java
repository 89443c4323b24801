package dev.paymux.soprano;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.spi.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Soprano specifics the kit does not cover: the request as documented, errors, idempotency, callbacks. */
class SopranoProviderTest extends SopranoTestBase {

    private static final String CREATE = SopranoStubs.API + "/payment/create";

    private SopranoProvider provider() {
        return new SopranoProvider(config());
    }

    @Test
    void createSendsTheDocumentedRequestAndReadsThePaymentUrl() {
        String ref = UUID.randomUUID().toString();
        PaymentIntent intent = SopranoStubs.intent(ref);
        SopranoStubs.stubCreated(wm, intent);

        ProviderPayment payment = provider().create(intent);

        wm.verify(postRequestedFor(urlPathEqualTo(CREATE))
                .withHeader("X-API-Key", equalTo(SopranoStubs.API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("{\"merchant_id\":7,\"amount\":1000.00,\"currency\":\"RUB\","
                        + "\"description\":\"Payment " + ref + "\",\"order_id\":\"" + ref + "\"}")));
        assertThat(wm.getAllServeEvents().get(0).getRequest().getBodyAsString()).contains("\"amount\":1000.00");
        assertThat(payment.reference()).isEqualTo(new ProviderReference(SopranoStubs.INSTANCE,
                SopranoStubs.paymentId(ref), null));
        assertThat(payment.paymentUrl()).isEqualTo("https://payment.example.com/pay/" + SopranoStubs.paymentId(ref));
        assertThat(payment.status().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(payment.status().raw()).isEqualTo("pending");
        assertThat(payment.payAmount()).isEqualByComparingTo("1000");
        assertThat(payment.payCurrency()).isEqualTo("RUB");
        assertThat(payment.amountReceived()).isNull();
    }

    @Test
    void theMerchantsDescriptionIsPassedThrough() {
        String ref = UUID.randomUUID().toString();
        PaymentIntent base = SopranoStubs.intent(ref);
        PaymentIntent intent = new PaymentIntent(ref, new BigDecimal("250.5"), "rub", null, base.lifetime(),
                base.callbackUrl(), null, "Payment for order #12345");
        SopranoStubs.stubCreated(wm, intent);

        provider().create(intent);

        wm.verify(postRequestedFor(urlPathEqualTo(CREATE)).withRequestBody(equalToJson("{\"merchant_id\":7,"
                + "\"amount\":250.50,\"currency\":\"RUB\",\"description\":\"Payment for order #12345\","
                + "\"order_id\":\"" + ref + "\"}")));
    }

    @Test
    void aSecondCreateForTheSameReferencePostsNothingAndAnswersTheCurrentState() {
        PaymentIntent intent = SopranoStubs.intent(UUID.randomUUID().toString());
        SopranoStubs.stubCreated(wm, intent);
        SopranoProvider provider = provider();

        ProviderPayment first = provider.create(intent);
        SopranoStubs.stubFetched(wm, intent, "success");
        ProviderPayment second = provider.create(intent);

        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
        assertThat(second.reference()).isEqualTo(first.reference());
        assertThat(second.status().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(second.paymentUrl()).isEqualTo(first.paymentUrl());
    }

    @Test
    void aSecondCreateAnswersThePaymentAsCreatedWhenSopranoCannotBeAsked() {
        PaymentIntent intent = SopranoStubs.intent(UUID.randomUUID().toString());
        SopranoStubs.stubCreated(wm, intent);
        SopranoProvider provider = provider();
        ProviderPayment first = provider.create(intent);
        wm.stubFor(get(urlPathEqualTo(SopranoStubs.API + "/payment/" + SopranoStubs.paymentId(intent.reference())))
                .willReturn(aResponse().withStatus(503)));

        assertThat(provider.create(intent)).isEqualTo(first);
        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void concurrentCreatesForOneReferenceMakeOnePayment() throws Exception {
        PaymentIntent intent = SopranoStubs.intent(UUID.randomUUID().toString());
        SopranoStubs.stubCreated(wm, intent);
        wm.stubFor(SopranoStubs.createRequest().willReturn(SopranoStubs.json(200, SopranoStubs.payment(
                "payment-created.json", SopranoStubs.paymentId(intent.reference()), intent.amount(), "pending"))
                .withFixedDelay(300)));
        SopranoProvider provider = provider();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ProviderPayment>> results = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                results.add(pool.submit(() -> provider.create(intent)));
            }
            for (Future<ProviderPayment> r : results) {
                assertThat(r.get().reference().externalId()).isEqualTo(SopranoStubs.paymentId(intent.reference()));
            }
        } finally {
            pool.shutdownNow();
        }
        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
    }

    @Test
    void fastApiValidationErrorsBecomeRejectionsWithTheirMessages() {
        wm.stubFor(SopranoStubs.createRequest().willReturn(SopranoStubs.json(422,
                SopranoStubs.resource("error-422.json"))));
        ProviderException e = createFails();
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).isEqualTo("Soprano refused the request: Input should be greater than 0");
    }

    @Test
    void aBadRequestWithoutABodyIsRejectedWithItsStatus() {
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withStatus(400)));
        ProviderException e = createFails();
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).isEqualTo("Soprano refused the request (HTTP 400)");
    }

    @Test
    void aRefusedApiKeyIsRejectedWithoutRepeatingSopranosWordsOrTheKey() {
        wm.stubFor(SopranoStubs.createRequest().willReturn(SopranoStubs.json(401,
                SopranoStubs.resource("error-401.json"))));
        ProviderException e = createFails();
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("not authorised").doesNotContain(SopranoStubs.API_KEY);
    }

    @Test
    void aCreateAnswerWithoutPaymentUrlIsMalformed() {
        wm.stubFor(SopranoStubs.createRequest().willReturn(SopranoStubs.json(200,
                "{\"id\":1,\"merchant_id\":7,\"payment_id\":\"pay_x\",\"amount\":1000.0,\"currency\":\"RUB\","
                        + "\"status\":\"pending\"}")));
        assertThat(createFails().kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void anEmptyAnswerIsMalformed() {
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withStatus(200)));
        assertThat(createFails().kind()).isEqualTo(Kind.MALFORMED);
    }

    @Test
    void createIsNotRetriedButFetchIs() {
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withStatus(503)));
        assertThat(createFails().kind()).isEqualTo(Kind.UNAVAILABLE);
        wm.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));

        String path = SopranoStubs.API + "/payment/pay_retry";
        wm.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("recovered"));
        wm.stubFor(get(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(SopranoStubs.json(200, SopranoStubs.payment("payment.json", "pay_retry",
                        new BigDecimal("1000.0"), "success"))));
        ProviderPayment fetched = provider().fetch(new ProviderReference(SopranoStubs.INSTANCE, "pay_retry", null));
        assertThat(fetched.status().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(fetched.amountReceived()).isEqualByComparingTo("1000");
        wm.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void aPaymentSopranoDoesNotKnowIsRejectedAndNotRetried() {
        wm.stubFor(get(urlPathEqualTo(SopranoStubs.API + "/payment/pay_missing")).willReturn(SopranoStubs.json(404,
                "{\"detail\":\"Payment not found\"}")));
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider().fetch(new ProviderReference(SopranoStubs.INSTANCE, "pay_missing", null)));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        wm.verify(1, getRequestedFor(urlPathEqualTo(SopranoStubs.API + "/payment/pay_missing")));
    }

    @Test
    void aPaymentIdIsOnePathSegment() {
        wm.stubFor(get(urlPathEqualTo(SopranoStubs.API + "/payment/a%2Fb")).willReturn(SopranoStubs.json(200,
                SopranoStubs.payment("payment.json", "a/b", new BigDecimal("1.0"), "pending"))));
        assertThat(provider().fetch(new ProviderReference(SopranoStubs.INSTANCE, "a/b", null)).reference()
                .externalId()).isEqualTo("a/b");
    }

    @Test
    void anotherInstancesPaymentIsNotFetched() {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider().fetch(new ProviderReference("soprano-other", "pay_1", null)));
        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void sopranoConvertsNothing() {
        PaymentIntent base = SopranoStubs.intent(UUID.randomUUID().toString());
        PaymentIntent usdPaidInRub = new PaymentIntent(base.reference(), new BigDecimal("10"), "USD", "RUB",
                base.lifetime(), base.callbackUrl(), null, null);
        assertThat(provider().quote(usdPaidInRub).eligible()).isFalse();
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider().create(usdPaidInRub)).kind())
                .isEqualTo(Kind.REJECTED);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void quotesComeFromTheConfiguredFeesAndLimits() {
        PaymentIntent intent = SopranoStubs.intent(UUID.randomUUID().toString());
        Quote quote = provider().quote(intent);
        assertThat(quote.eligible()).isTrue();
        assertThat(quote.cost()).isEqualByComparingTo("35.00"); // 2.5 % of 1000 + 10
        assertThat(quote.currency()).isEqualTo("RUB");

        PaymentIntent tooSmall = new PaymentIntent(intent.reference(), new BigDecimal("99.99"), "RUB", null,
                intent.lifetime(), null, null, null);
        assertThat(provider().quote(tooSmall).eligible()).isFalse();
        PaymentIntent kopecksOfKopecks = new PaymentIntent(intent.reference(), new BigDecimal("100.001"), "RUB",
                null, intent.lifetime(), null, null, null);
        assertThat(provider().quote(kopecksOfKopecks).eligible()).isFalse();
        assertThat(catchThrowableOfType(ProviderException.class, () -> provider().create(kopecksOfKopecks)).kind())
                .isEqualTo(Kind.REJECTED);
        PaymentIntent euro = new PaymentIntent(intent.reference(), new BigDecimal("100"), "EUR", null,
                intent.lifetime(), null, null, null);
        assertThat(provider().quote(euro).reason()).contains("EUR is not supported");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void theDocumentedCallbackIsAcceptedAsIs() {
        String body = SopranoStubs.resource("webhook.json");
        CallbackResult result = provider().parseCallback(SopranoStubs.callback(body, SopranoStubs.SECRET));

        assertThat(result).isInstanceOf(CallbackResult.Accepted.class);
        CallbackResult.Accepted accepted = (CallbackResult.Accepted) result;
        assertThat(accepted.responseStatus()).isEqualTo(200);
        ProviderUpdate update = accepted.update();
        assertThat(update.externalId()).isEqualTo("pay_abc123");
        assertThat(update.paymentReference()).isNull();
        assertThat(update.status().status()).isEqualTo(PaymentStatus.COMPLETED);
        assertThat(update.amountReceived()).isEqualByComparingTo("1000");
        assertThat(update.payCurrency()).isEqualTo("RUB");
        assertThat(update.dedupeKey()).isEqualTo("soprano:soprano-test:pay_abc123:success:1000");
    }

    @Test
    void theSecretHeaderIsMatchedWhateverItsCase() {
        String body = SopranoStubs.resource("webhook.json");
        var request = dev.paymux.core.spi.CallbackRequest.json(body,
                Map.of("x-webhook-secret", SopranoStubs.SECRET));
        assertThat(provider().parseCallback(request)).isInstanceOf(CallbackResult.Accepted.class);
    }

    @Test
    void aResentCallbackWithANewTimestampOrAnotherAmountNotationIsTheSame() {
        String body = SopranoStubs.resource("webhook.json");
        String resent = body.replace("2024-01-01T12:00:00Z", "2024-01-01T12:05:00Z").replace("1000.0", "1000.00");
        SopranoProvider provider = provider();
        ProviderUpdate first = ((CallbackResult.Accepted) provider.parseCallback(
                SopranoStubs.callback(body, SopranoStubs.SECRET))).update();
        ProviderUpdate again = ((CallbackResult.Accepted) provider.parseCallback(
                SopranoStubs.callback(resent, SopranoStubs.SECRET))).update();
        assertThat(again.dedupeKey()).isEqualTo(first.dedupeKey());
    }

    @Test
    void aPendingCallbackReportsNothingReceived() {
        String body = SopranoStubs.resource("webhook.json").replace("\"success\"", "\"pending\"");
        ProviderUpdate update = ((CallbackResult.Accepted) provider().parseCallback(
                SopranoStubs.callback(body, SopranoStubs.SECRET))).update();
        assertThat(update.status().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(update.amountReceived()).isNull();
    }

    @Test
    void callbacksWithAWrongOrEmptySecretOrWithoutIdsAreRejected() {
        String body = SopranoStubs.resource("webhook.json");
        SopranoProvider provider = provider();
        for (String secret : List.of("", "w", SopranoStubs.SECRET.toUpperCase(), SopranoStubs.SECRET + " ")) {
            assertThat(provider.parseCallback(SopranoStubs.callback(body, secret))).as(secret)
                    .isInstanceOf(CallbackResult.Rejected.class);
        }
        for (String bad : List.of("{\"status\":\"success\"}", "{\"payment_id\":\"pay_1\"}",
                "{\"payment_id\":\"pay_1\",\"status\":\"success\",\"amount\":\"lots\"}", "null")) {
            assertThat(provider.parseCallback(SopranoStubs.callback(bad, SopranoStubs.SECRET))).as(bad)
                    .isInstanceOf(CallbackResult.Rejected.class);
        }
    }

    @Test
    void secretsStayOutOfToString() {
        SopranoConfig config = config();
        assertThat(config.toString()).doesNotContain(SopranoStubs.API_KEY).doesNotContain(SopranoStubs.SECRET);
        assertThat(new SopranoProvider(config).toString()).doesNotContain(SopranoStubs.API_KEY);
    }

    @Test
    void defaultsAreSensible() {
        SopranoConfig c = SopranoConfig.defaults("soprano-ru", SopranoConfig.DEFAULT_BASE_URL + "/", "k", 1, "s",
                SopranoStubs.methods());
        assertThat(c.baseUrl()).isEqualTo("https://soprano-exch.info/api/v1");
        assertThat(c.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.retryAttempts()).isEqualTo(3);
        assertThat(c.slidingWindowSize()).isEqualTo(10);
        assertThat(c.healthCacheTtl()).isEqualTo(Duration.ofSeconds(10));
        assertThat(new SopranoProvider(c).capabilities().needsPolling()).isTrue();
    }

    private ProviderException createFails() {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider().create(SopranoStubs.intent(UUID.randomUUID().toString())));
        assertThat(e).isNotNull();
        assertThat(e.instance()).isEqualTo(SopranoStubs.INSTANCE);
        return e;
    }
}
