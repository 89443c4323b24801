package dev.paymux.api.rates;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paymux.api.support.MutableClock;
import dev.paymux.api.support.TestClockConfiguration;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The whole application with each rate source replaced by its own WireMock server, loaded with the stubs
 * under {@code wiremock/coinbase} and {@code wiremock/kraken} (written from the providers' documented
 * responses). Retries and timeouts are shrunk so failing sources fail fast; time moves with the
 * {@link MutableClock}, never by sleeping. Subclasses choose the rates mode.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "paymux.demo.enabled=false",
        "spring.cloud.openfeign.client.config.coinbase.connect-timeout=500",
        "spring.cloud.openfeign.client.config.coinbase.read-timeout=500",
        "spring.cloud.openfeign.client.config.kraken.connect-timeout=500",
        "spring.cloud.openfeign.client.config.kraken.read-timeout=500",
        "resilience4j.retry.instances.coinbase.max-attempts=2",
        "resilience4j.retry.instances.coinbase.wait-duration=10ms",
        "resilience4j.retry.instances.kraken.max-attempts=2",
        "resilience4j.retry.instances.kraken.wait-duration=10ms"
})
@Import(TestClockConfiguration.class)
abstract class RatesHttpTestBase {

    static final WireMockServer COINBASE = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().usingFilesUnderClasspath("wiremock/coinbase"));
    static final WireMockServer KRAKEN = new WireMockServer(
            WireMockConfiguration.options().dynamicPort().usingFilesUnderClasspath("wiremock/kraken"));

    static {
        // Shared by every context of the JVM (one per mode); stubs and journals are reset around each test.
        COINBASE.start();
        KRAKEN.start();
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final JsonMapper JSON = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    @DynamicPropertySource
    static void rateSources(DynamicPropertyRegistry registry) throws IOException {
        // Runs once per application context: each gets a fresh embedded PostgreSQL data directory.
        Path dataDir = RatesDataDirs.fresh();
        registry.add("paymux.db.embedded.data-dir", dataDir::toString);
        registry.add("paymux.rates.sources.coinbase.url", COINBASE::baseUrl);
        registry.add("paymux.rates.sources.kraken.url", KRAKEN::baseUrl);
    }

    @LocalServerPort
    int port;

    @Autowired
    MutableClock clock;

    @Autowired
    RateService rateService;

    @Autowired
    CircuitBreakerRegistry breakers;

    @BeforeEach
    void resetBefore() {
        resetWorld();
    }

    @AfterEach
    void resetAfter() {
        resetWorld();
    }

    private void resetWorld() {
        clock.reset();
        for (WireMockServer server : new WireMockServer[] {COINBASE, KRAKEN}) {
            server.setGlobalFixedDelay(0);
            server.resetToDefaultMappings();
            server.resetRequests();
        }
        breakers.getAllCircuitBreakers().forEach(CircuitBreaker::reset);
        rateService.invalidate();
    }

    record Reply(int status, String raw, JsonNode json) {

        JsonNode data() {
            return json.path("data");
        }

        JsonNode rate(String coin, String fiat) {
            return data().path("rates").path(coin).path(fiat);
        }
    }

    Reply call(String query) throws IOException, InterruptedException {
        return callPath("/api/v1/rates" + (query.isEmpty() ? "" : "?" + query));
    }

    Reply callPath(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + pathAndQuery);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body(), JSON.readTree(response.body()));
    }

    Reply ok(String query) throws IOException, InterruptedException {
        Reply reply = call(query);
        assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
        assertThat(reply.json().path("success").asBoolean()).isTrue();
        return reply;
    }

    static void assertNumber(JsonNode node, String expected) {
        assertThat(node.isNumber()).as("%s is a JSON number", node).isTrue();
        assertThat(node.decimalValue()).isEqualByComparingTo(new BigDecimal(expected));
    }

    static int coinbaseCalls() {
        return COINBASE.countRequestsMatching(getRequestedFor(urlPathEqualTo("/v2/exchange-rates")).build()).getCount();
    }

    static int krakenCalls() {
        return KRAKEN.countRequestsMatching(getRequestedFor(urlPathEqualTo("/0/public/Ticker")).build()).getCount();
    }
}
