package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.paymux.core.spi.ProviderException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests go over the JDK HTTP client, HTTP/1.1, with the configured read timeout. */
class CryptomusTransportTest extends CryptomusWireMockTest {

    @Test
    void requestsGoOverTheJdkClient() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(json(200, "services.json", Map.of())));
        provider(10).refreshServices();
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/payment/services"))
                .withHeader("User-Agent", matching("Java-http-client.*"))
                .withHeader("merchant", matching(CryptomusFixtures.MERCHANT)));
    }

    @Test
    void theReadTimeoutIsHonoured() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment")).willReturn(aResponse().withStatus(200).withFixedDelay(3000)));
        CryptomusProvider provider = new CryptomusProvider(CryptomusFixtures.config(wireMock.baseUrl(), 10)
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(300)).withRetry(1, Duration.ZERO));
        ProviderException e = catchThrowableOfType(ProviderException.class,
                () -> provider.create(CryptomusFixtures.usdtIntent("tr-1")));
        assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
        // The client gave up on its read timeout (an answer arriving late would fail as unreadable instead).
        assertThat(e).hasStackTraceContaining("HttpTimeoutException");
        wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/payment")));
    }
}
