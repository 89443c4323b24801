package dev.paymux.soprano;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderReference;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Soprano that is down opens the instance's circuit: create fails fast and health() is DOWN. */
class SopranoCircuitTest extends SopranoTestBase {

    private static final String CREATE = SopranoStubs.API + "/payment/create";
    private static final String HEALTH = SopranoStubs.API + "/health";

    @BeforeEach
    void healthEndpointSaysUp() {
        // Soprano's own health endpoint keeps answering: the circuit alone must make the instance DOWN.
        wm.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(SopranoStubs.json(200, "{\"status\":\"ok\"}")));
    }

    private SopranoProvider provider(Duration openWait) {
        return new SopranoProvider(config().withCircuitBreaker(50f, 4, openWait).withHealthCacheTtl(Duration.ZERO));
    }

    private ProviderException createFails(SopranoProvider provider) {
        return catchThrowableOfType(ProviderException.class,
                () -> provider.create(SopranoStubs.intent(UUID.randomUUID().toString())));
    }

    @Test
    void repeatedFailuresOpenTheCircuitThenCreateFailsFastAndHealthIsDown() {
        SopranoProvider provider = provider(Duration.ofMinutes(5));
        assertThat(provider.health().up()).isTrue();

        // The faults of a provider that is down: a reset connection, 500s, an answer that never comes in time.
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(createFails(provider).kind()).isEqualTo(Kind.UNAVAILABLE);
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withStatus(500)));
        assertThat(createFails(provider).kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(createFails(provider).kind()).isEqualTo(Kind.UNAVAILABLE);
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        assertThat(createFails(provider).kind()).isEqualTo(Kind.UNAVAILABLE);
        wm.verify(4, postRequestedFor(urlPathEqualTo(CREATE)));

        ProviderException fast = createFails(provider);
        assertThat(fast.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fast.getMessage()).contains("circuit open");
        assertThat(fast.instance()).isEqualTo(SopranoStubs.INSTANCE);
        wm.verify(4, postRequestedFor(urlPathEqualTo(CREATE)));

        ProviderException fetch = catchThrowableOfType(ProviderException.class,
                () -> provider.fetch(new ProviderReference(SopranoStubs.INSTANCE, "pay_1", null)));
        assertThat(fetch.kind()).isEqualTo(Kind.UNAVAILABLE);
        wm.verify(0, getRequestedFor(urlPathEqualTo(SopranoStubs.API + "/payment/pay_1")));

        assertThat(provider.health().up()).isFalse();
        assertThat(provider.health().detail()).contains("circuit open");
    }

    @Test
    void refusalsDoNotOpenTheCircuit() {
        SopranoProvider provider = provider(Duration.ofMinutes(5));
        wm.stubFor(SopranoStubs.createRequest().willReturn(SopranoStubs.json(400, "{\"detail\":\"Invalid amount\"}")));
        for (int i = 0; i < 8; i++) {
            assertThat(createFails(provider).kind()).isEqualTo(Kind.REJECTED);
        }
        wm.verify(8, postRequestedFor(urlPathEqualTo(CREATE)));
        assertThat(provider.health().up()).isTrue();
    }

    @Test
    void theCircuitLetsTrialCallsThroughAfterItsWaitAndClosesOnSuccess() throws InterruptedException {
        SopranoProvider provider = provider(Duration.ofMillis(200));
        wm.stubFor(SopranoStubs.createRequest().willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            createFails(provider);
        }
        assertThat(provider.health().up()).isFalse();

        // Half-open on its own after the wait: health asks Soprano again, and payments may try.
        for (int i = 0; i < 600 && !provider.health().up(); i++) { // up to 30 s: a busy machine is slow
            Thread.sleep(50);
        }
        assertThat(provider.health().up()).isTrue();
        wm.resetMappings();
        healthEndpointSaysUp();
        for (int i = 0; i < 3; i++) {
            var intent = SopranoStubs.intent(UUID.randomUUID().toString());
            SopranoStubs.stubCreated(wm, intent);
            assertThat(provider.create(intent).paymentUrl()).isNotNull();
        }
    }
}
