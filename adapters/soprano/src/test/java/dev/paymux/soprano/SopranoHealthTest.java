package dev.paymux.soprano;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.core.spi.ProviderHealth;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** health(): from Soprano's GET /health, cached for the configured time. */
class SopranoHealthTest extends SopranoTestBase {

    private static final String HEALTH = SopranoStubs.API + "/health";

    private final TestClock clock = new TestClock();

    private SopranoProvider provider() {
        return new SopranoProvider(config(), CreatedPayments.inMemory(10), clock);
    }

    private void stubHealth(ResponseDefinitionBuilder response) {
        wm.stubFor(get(urlPathEqualTo(HEALTH)).willReturn(response));
    }

    @Test
    void aHealthySopranoIsUp() {
        stubHealth(SopranoStubs.json(200, SopranoStubs.resource("health.json")));
        ProviderHealth health = provider().health();
        assertThat(health.up()).isTrue();
        wm.verify(getRequestedFor(urlPathEqualTo(HEALTH)).withHeader("X-API-Key", equalTo(SopranoStubs.API_KEY)));
    }

    @Test
    void aTwoHundredWithoutAReadableBodyIsUp() {
        stubHealth(aResponse().withStatus(200).withBody("OK"));
        assertThat(provider().health().up()).isTrue();
    }

    @Test
    void aServerErrorIsDown() {
        stubHealth(aResponse().withStatus(500));
        ProviderHealth health = provider().health();
        assertThat(health.up()).isFalse();
        assertThat(health.detail()).contains("500");
    }

    @Test
    void aResetConnectionIsDown() {
        stubHealth(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        assertThat(provider().health().up()).isFalse();
    }

    @Test
    void aSlowHealthEndpointIsDown() {
        stubHealth(SopranoStubs.json(200, "{\"status\":\"ok\"}").withFixedDelay(3000));
        assertThat(provider().health().up()).isFalse();
    }

    @Test
    void aBodySayingItIsUnhealthyIsDown() {
        stubHealth(SopranoStubs.json(200, "{\"status\":\"error\",\"database\":\"disconnected\"}"));
        assertThat(provider().health().up()).isFalse();
    }

    @Test
    void anAnswerIsReusedUntilItsTimeIsUp() {
        stubHealth(SopranoStubs.json(200, SopranoStubs.resource("health.json")));
        SopranoProvider provider = provider();

        assertThat(provider.health().up()).isTrue();
        clock.advance(Duration.ofSeconds(9));
        assertThat(provider.health().up()).isTrue();
        wm.verify(1, getRequestedFor(urlPathEqualTo(HEALTH)));

        stubHealth(aResponse().withStatus(503));
        clock.advance(Duration.ofSeconds(2));
        assertThat(provider.health().up()).isFalse();
        assertThat(provider.health().up()).isFalse();
        wm.verify(2, getRequestedFor(urlPathEqualTo(HEALTH)));

        stubHealth(SopranoStubs.json(200, SopranoStubs.resource("health.json")));
        clock.advance(Duration.ofSeconds(10));
        assertThat(provider.health().up()).isTrue();
        wm.verify(3, getRequestedFor(urlPathEqualTo(HEALTH)));
    }

    @Test
    void healthProbesDoNotCountTowardsTheCircuit() {
        stubHealth(aResponse().withStatus(500).withBody("Internal Server Error"));
        SopranoProvider provider = provider();
        for (int i = 0; i < 8; i++) {
            provider.health();
            clock.advance(Duration.ofSeconds(11));
        }
        SopranoStubs.stubCreated(wm, SopranoStubs.intent("after-failed-probes"));
        assertThat(provider.create(SopranoStubs.intent("after-failed-probes")).paymentUrl()).isNotNull();
    }
}
