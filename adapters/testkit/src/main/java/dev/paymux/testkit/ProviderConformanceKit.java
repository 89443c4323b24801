package dev.paymux.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderUpdate;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The conformance suite every provider adapter passes. An adapter's test extends it, builds the adapter
 * against the WireMock server the kit starts ({@link #baseUrl()}), and answers the hooks below with
 * stubs and callbacks written from the provider's documentation. The kit then checks what the gateway
 * relies on: idempotent create, a complete status table with a safe answer for unknown statuses,
 * callback verification, replay detection, and typed errors for every way a provider call can fail.
 *
 * <p>Adapters must use a read timeout of at most {@link #ADAPTER_TIMEOUT} in {@link #provider()}, so the
 * kit's slow stub ({@link #SLOW}) is a timeout.
 */
public abstract class ProviderConformanceKit {

    /** The read timeout the adapter under test must be configured with. */
    protected static final Duration ADAPTER_TIMEOUT = Duration.ofSeconds(1);

    /** A delay the kit's timeout stub uses: well past {@link #ADAPTER_TIMEOUT}. */
    protected static final Duration SLOW = Duration.ofSeconds(3);

    private WireMockServer wireMock;

    @BeforeEach
    void startWireMock() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
    }

    @AfterEach
    void stopWireMock() {
        wireMock.stop();
    }

    protected WireMockServer wireMock() {
        return wireMock;
    }

    protected String baseUrl() {
        return wireMock.baseUrl();
    }

    // ---- hooks an adapter's test answers ----

    /** The adapter under test, pointed at {@link #baseUrl()}, with a read timeout of {@link #ADAPTER_TIMEOUT}. */
    protected abstract PaymentProvider provider();

    /** An intent this provider can take (a currency and amount within its limits). */
    protected abstract PaymentIntent intent(String reference);

    /**
     * Stubs a successful create for {@code intent} the way the provider answers it, including the
     * provider's own idempotency (the same reference twice gives the same payment).
     */
    protected abstract void stubCreated(PaymentIntent intent);

    /**
     * How this provider keeps two creates for one reference to one payment: by a key the adapter sends
     * ({@link CreateIdempotency#jsonField}, {@link CreateIdempotency#header}), or by the adapter remembering
     * what it created ({@link CreateIdempotency#adapterRemembers}). {@link #createIsIdempotentOnPaymuxsReference}
     * checks it against the create requests WireMock received.
     */
    protected abstract CreateIdempotency createIdempotency();

    /** The request pattern of the create call, for the kit's fault stubs (5xx, reset, slow, garbage). */
    protected abstract MappingBuilder createRequest();

    /** Stubs the provider's validation error (its 4xx answer) to a create, with {@code message} in it. */
    protected abstract void stubCreateRefused(String message);

    /** Stubs the provider's answer to a fetch of the payment {@link #stubCreated} made, in status {@code raw}. */
    protected abstract void stubFetched(PaymentIntent intent, String raw);

    /** The provider's statuses as documented, with the Paymux status each must map to. */
    protected abstract Map<String, PaymentStatus> documentedStatuses();

    /** A callback for the payment of {@code intent} in status {@code raw}, signed exactly as the provider signs. */
    protected abstract CallbackRequest signedCallback(PaymentIntent intent, String raw);

    /** The same callback with its signature (or secret) missing. */
    protected abstract CallbackRequest unsignedCallback(PaymentIntent intent, String raw);

    /** The same callback with a wrong signature, or a body changed after signing. */
    protected abstract CallbackRequest forgedCallback(PaymentIntent intent, String raw);

    /** A raw status the provider does not document. */
    protected String undocumentedStatus() {
        return "status-nobody-documented";
    }

    // ---- the checks ----

    /**
     * Two creates for one reference end in one provider payment, as the provider sees it: the kit reads the
     * create requests from WireMock's journal, so an adapter that drops its idempotency key, sends a random or
     * a constant order id, or forgets what it created fails here even though the stub answers every create alike.
     */
    @Test
    void createIsIdempotentOnPaymuxsReference() {
        PaymentIntent intent = intent(UUID.randomUUID().toString());
        PaymentIntent other = intent(UUID.randomUUID().toString());
        stubCreated(intent);
        stubCreated(other);
        ProviderPayment first = provider().create(intent);
        ProviderPayment second = provider().create(intent);
        List<LoggedRequest> sameReference = createRequestsSent();
        provider().create(other);
        List<LoggedRequest> otherReference = createRequestsSent().subList(sameReference.size(),
                createRequestsSent().size());

        assertThat(second.reference().externalId()).isEqualTo(first.reference().externalId());
        assertThat(first.reference().instance()).isEqualTo(provider().instance());
        assertThat(first.status().status().isFinal()).as("a new payment is not final").isFalse();
        assertThat(sameReference).as("create requests sent for the first reference").isNotEmpty();
        assertThat(otherReference).as("create requests sent for another reference").isNotEmpty();
        CreateIdempotency idempotency = createIdempotency();
        if (idempotency instanceof CreateIdempotency.ProviderKey key) {
            List<String> keys = sameReference.stream().map(key.key()).toList();
            assertThat(keys).as("the idempotency key (%s) of every create request for one reference",
                    key.description()).doesNotContainNull().allSatisfy(k -> assertThat(k).isNotBlank());
            assertThat(keys.stream().distinct().toList())
                    .as("the idempotency key (%s) sent with both creates of one reference", key.description())
                    .hasSize(1);
            String otherKey = key.key().apply(otherReference.get(0));
            assertThat(otherKey).as("the idempotency key (%s) of another reference", key.description())
                    .isNotBlank().isNotEqualTo(keys.get(0));
        } else {
            assertThat(sameReference)
                    .as("the provider does not deduplicate creates, so the adapter must send one create request "
                            + "for two creates of one reference")
                    .hasSize(1);
        }
    }

    /** The create requests WireMock received so far, oldest first. */
    private List<LoggedRequest> createRequestsSent() {
        List<LoggedRequest> found = new ArrayList<>(
                wireMock.findRequestsMatching(createRequest().build().getRequest()).getRequests());
        found.sort(Comparator.comparing(LoggedRequest::getLoggedDate));
        return found;
    }

    @TestFactory
    List<DynamicTest> everyDocumentedStatusMapsThroughCallbackAndFetch() {
        List<DynamicTest> tests = new ArrayList<>();
        documentedStatuses().forEach((raw, expected) -> tests.add(DynamicTest.dynamicTest(raw + " -> " + expected.wire(),
                () -> {
                    PaymentIntent intent = intent(UUID.randomUUID().toString());
                    ProviderUpdate update = accepted(provider().parseCallback(signedCallback(intent, raw)));
                    assertThat(update.status().status()).isEqualTo(expected);
                    assertThat(update.status().raw()).isEqualToIgnoringCase(raw);
                    assertThat(update.status().known()).isTrue();

                    stubCreated(intent);
                    ProviderPayment created = provider().create(intent);
                    stubFetched(intent, raw);
                    ProviderPayment fetched = provider().fetch(created.reference());
                    assertThat(fetched.status().status()).isEqualTo(expected);
                })));
        return tests;
    }

    @Test
    void anUndocumentedStatusIsNonFinalAndMarkedUnknown() {
        PaymentIntent intent = intent(UUID.randomUUID().toString());
        ProviderUpdate update = accepted(provider().parseCallback(signedCallback(intent, undocumentedStatus())));
        assertThat(update.status().known()).isFalse();
        assertThat(update.status().status().isFinal()).isFalse();
        assertThat(update.status().raw()).isEqualTo(undocumentedStatus());
    }

    @Test
    void aCallbackWithoutItsSignatureIsRejected() {
        String raw = documentedStatuses().keySet().iterator().next();
        assertThat(provider().parseCallback(unsignedCallback(intent(UUID.randomUUID().toString()), raw)))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void aForgedCallbackIsRejected() {
        String raw = documentedStatuses().keySet().iterator().next();
        assertThat(provider().parseCallback(forgedCallback(intent(UUID.randomUUID().toString()), raw)))
                .isInstanceOf(CallbackResult.Rejected.class);
    }

    @Test
    void garbageIsRejectedNotThrown() {
        for (String body : List.of("", "not json", "{}", "[]", "{\"status\":")) {
            CallbackResult result = provider().parseCallback(CallbackRequest.json(body, Map.of()));
            assertThat(result).as(body).isInstanceOf(CallbackResult.Rejected.class);
        }
    }

    @Test
    void aReplayedCallbackIsRecognisedAsTheSame() {
        PaymentIntent intent = intent(UUID.randomUUID().toString());
        String raw = documentedStatuses().keySet().iterator().next();
        ProviderUpdate first = accepted(provider().parseCallback(signedCallback(intent, raw)));
        ProviderUpdate again = accepted(provider().parseCallback(signedCallback(intent, raw)));
        assertThat(again).isEqualTo(first);
    }

    @Test
    void aServerErrorIsUnavailable() {
        wireMock.stubFor(createRequest().willReturn(aResponse().withStatus(500).withBody("oops")));
        assertKind(ProviderException.Kind.UNAVAILABLE);
        wireMock.resetAll();
        wireMock.stubFor(createRequest().willReturn(aResponse().withStatus(503)));
        assertKind(ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void aResetConnectionIsUnavailable() {
        wireMock.stubFor(createRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertKind(ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void aSlowProviderTimesOutAsUnavailable() {
        wireMock.stubFor(createRequest().willReturn(aResponse().withStatus(200).withFixedDelay((int) SLOW.toMillis())
                .withBody("{}")));
        assertKind(ProviderException.Kind.UNAVAILABLE);
    }

    @Test
    void anUnreadableAnswerIsMalformed() {
        wireMock.stubFor(createRequest().willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"this is\": not json")));
        assertKind(ProviderException.Kind.MALFORMED);
    }

    @Test
    void aValidationErrorIsRejectedWithTheProvidersMessage() {
        stubCreateRefused("amount is too small");
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider().create(intent(UUID.randomUUID().toString())));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED);
        assertThat(e.getMessage()).contains("amount is too small");
    }

    @Test
    void quotesAnswerWithoutCallingTheProvider() {
        PaymentIntent intent = intent(UUID.randomUUID().toString());
        assertThat(provider().capabilities().methods()).as("the pay methods the provider lists").isNotEmpty();
        var quote = provider().quote(intent);
        assertThat(quote.instance()).isEqualTo(provider().instance());
        assertThat(quote.eligible()).as("a quote for an intent the provider takes (%s)", quote.reason()).isTrue();
        assertThat(quote.cost()).as("the quote's cost").isNotNull().isGreaterThanOrEqualTo(BigDecimal.ZERO);
        assertThat(quote.currency()).as("the currency of the quote's cost").isNotBlank();
        var huge = new PaymentIntent(intent.reference(), new BigDecimal("1000000000000"), intent.currency(),
                intent.payCurrency(), intent.lifetime(), intent.callbackUrl(), intent.returnUrl(), null);
        assertThat(provider().quote(huge).eligible()).as("an amount beyond every limit").isFalse();
        assertThat(wireMock.getAllServeEvents()).as("no provider call for a quote").isEmpty();
    }

    private void assertKind(ProviderException.Kind kind) {
        assertThatThrownBy(() -> provider().create(intent(UUID.randomUUID().toString())))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(kind);
                    assertThat(e.instance()).isEqualTo(provider().instance());
                });
    }

    private static ProviderUpdate accepted(CallbackResult result) {
        assertThat(result).isInstanceOf(CallbackResult.Accepted.class);
        return ((CallbackResult.Accepted) result).update();
    }
}
