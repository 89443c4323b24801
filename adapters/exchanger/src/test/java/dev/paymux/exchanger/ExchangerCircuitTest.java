package dev.paymux.exchanger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.paymux.exchanger.ExchangerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A failing exchanger opens the instance's circuit: creates then fail fast and health reports DOWN. */
class ExchangerCircuitTest extends ExchangerWireMockSupport {

    private static final String CREATE = "/public/exchanger/order/create";

    private ExchangerProvider provider() {
        return new ExchangerProvider(config(wireMock.baseUrl())
                .withResilience(new ExchangerConfig.Resilience(1, Duration.ZERO, 50f, 4, 4, Duration.ofMinutes(5))));
    }

    @Test
    void repeatedServerErrorsOpenTheCircuit() {
        wireMock.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(500)));
        ExchangerProvider provider = provider();
        assertThat(provider.health().up()).isTrue();

        for (int i = 0; i < 4; i++) {
            assertThat(kindOfCreate(provider, "pay-" + i)).isEqualTo(Kind.UNAVAILABLE);
        }
        assertThat(requests()).isEqualTo(4);

        assertThat(provider.health().up()).isFalse();
        assertThat(provider.health().detail()).contains("circuit open");
        ProviderException fast = catchThrowableOfType(ProviderException.class,
                () -> provider.create(cardIntent("pay-after")));
        assertThat(fast.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(fast.getMessage()).contains("circuit open");
        assertThat(fast.instance()).isEqualTo(INSTANCE);
        ProviderException fetch = catchThrowableOfType(ProviderException.class,
                () -> provider.fetch(new ProviderReference(INSTANCE, "1409", "s")));
        assertThat(fetch.getMessage()).contains("circuit open");
        assertThat(requests()).as("an open circuit sends nothing").isEqualTo(4);
    }

    @Test
    void resetConnectionsOpenTheCircuitToo() {
        wireMock.stubFor(post(urlPathEqualTo(CREATE))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ExchangerProvider provider = provider();
        for (int i = 0; i < 4; i++) {
            assertThat(kindOfCreate(provider, "pay-" + i)).isEqualTo(Kind.UNAVAILABLE);
        }
        assertThat(provider.health().up()).isFalse();
    }

    @Test
    void refusalsDoNotOpenTheCircuit() {
        wireMock.stubFor(post(urlPathEqualTo(CREATE)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody(errorBody("amount is too small"))));
        ExchangerProvider provider = provider();
        for (int i = 0; i < 8; i++) {
            assertThat(kindOfCreate(provider, "pay-" + i)).isEqualTo(Kind.REJECTED);
        }
        assertThat(provider.health().up()).isTrue();
        assertThat(requests()).isEqualTo(8);
    }

    private static Kind kindOfCreate(ExchangerProvider provider, String reference) {
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.create(cardIntent(reference)));
        assertThat(e).as("create must fail").isNotNull();
        return e.kind();
    }
}
