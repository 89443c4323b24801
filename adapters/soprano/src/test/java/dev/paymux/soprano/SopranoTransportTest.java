package dev.paymux.soprano;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.http.Fault;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Requests go over the JDK HTTP client: HTTP/1.1, timeouts honoured, a failed POST never sent twice. */
class SopranoTransportTest extends SopranoTestBase {

    @Test
    void requestsGoOverTheJdkClient() {
        PaymentIntent intent = SopranoStubs.intent("tr-1");
        SopranoStubs.stubCreated(wm, intent);
        new SopranoProvider(config()).create(intent);
        wm.verify(1, postRequestedFor(urlPathEqualTo(SopranoStubs.API + "/payment/create"))
                .withHeader("User-Agent", matching("Java-http-client.*"))
                .withHeader("X-API-Key", matching(SopranoStubs.API_KEY)));
    }

    @Test
    void aResetCreateIsSentOnceAndIsUnavailable() {
        wm.stubFor(post(urlPathEqualTo(SopranoStubs.API + "/payment/create"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> new SopranoProvider(config()).create(SopranoStubs.intent("tr-2")));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        wm.verify(1, postRequestedFor(urlPathEqualTo(SopranoStubs.API + "/payment/create")));
    }

    @Test
    void theReadTimeoutIsHonoured() {
        wm.stubFor(post(urlPathEqualTo(SopranoStubs.API + "/payment/create"))
                .willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        SopranoProvider provider = new SopranoProvider(SopranoStubs.config(wm.baseUrl(), Duration.ofMillis(300)));
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.create(SopranoStubs.intent("tr-3")));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        // The client gave up on its read timeout (an answer arriving late would fail as unreadable instead).
        assertThat(e).hasStackTraceContaining("HttpTimeoutException");
    }
}
