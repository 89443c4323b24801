package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A Cryptomus that is down opens the instance's circuit, and the circuit half-opens by itself after its
 * wait: the instance recovers without a catalogue refresh or a restart, like every adapter on the shared
 * resilience of {@code adapters/http}.
 */
class CryptomusCircuitTest extends CryptomusWireMockTest {

    private CryptomusProvider provider(Duration openWait) {
        return new CryptomusProvider(CryptomusFixtures.config(wireMock.baseUrl(), 4)
                .withRetry(1, Duration.ZERO).withBreaker(50f, 4, openWait));
    }

    private ProviderException createFails(CryptomusProvider provider) {
        return catchThrowableOfType(ProviderException.class,
                () -> provider.create(CryptomusFixtures.usdtIntent(UUID.randomUUID().toString())));
    }

    @Test
    void anOutageOpensTheCircuitWhichFailsFastAndHalfOpensByItselfThenClosesOnSuccess() throws InterruptedException {
        CryptomusProvider provider = provider(Duration.ofMillis(200));
        assertThat(provider.health().up()).isTrue();
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(aResponse().withStatus(503)));
        for (int i = 0; i < 4; i++) {
            assertThat(createFails(provider).kind()).isEqualTo(Kind.UNAVAILABLE);
        }
        wireMock.verify(4, postRequestedFor(urlEqualTo("/v1/payment")));
        assertThat(provider.health().up()).isFalse();

        // Open: the next call fails fast without reaching Cryptomus (until the wait ends, which a busy
        // machine may already have reached; then it is a trial call, and Cryptomus still answers 503).
        ProviderException fast = createFails(provider);
        assertThat(fast.kind()).isEqualTo(Kind.UNAVAILABLE);

        // Half-open on its own after the wait: no refresh, no restart.
        for (int i = 0; i < 600 && !provider.health().up(); i++) { // up to 30 s: a busy machine is slow
            Thread.sleep(50);
        }
        assertThat(provider.health().up()).isTrue();
        assertThat(provider.circuitBreaker().getState().name()).isEqualTo("HALF_OPEN");

        // Cryptomus is back: trial calls succeed and close the circuit.
        wireMock.resetMappings();
        for (int i = 0; i < 3; i++) {
            PaymentIntent intent = CryptomusFixtures.usdtIntent(UUID.randomUUID().toString());
            wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(json(200, "payment-created.json",
                    Map.of("uuid", CryptomusFixtures.uuidFor(intent.reference()), "order_id", intent.reference()))));
            assertThat(provider.create(intent).reference().externalId())
                    .isEqualTo(CryptomusFixtures.uuidFor(intent.reference()));
        }
        assertThat(provider.circuitBreaker().getState().name()).isEqualTo("CLOSED");
        assertThat(provider.health().up()).isTrue();
    }
}
