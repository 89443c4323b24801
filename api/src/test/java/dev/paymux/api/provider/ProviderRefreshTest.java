package dev.paymux.api.provider;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.spi.Refreshable;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The scheduled refresh of provider catalogues: shortly after start-up every {@link Refreshable} instance is
 * refreshed, one that throws does not stop the others, and Cryptomus's service list then sets the limits
 * and commission that capabilities and quotes are served from.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@Import(ProviderRefreshTest.Broken.class)
class ProviderRefreshTest extends ApiTest {

    static final WireMockServer CRYPTOMUS = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final EmbeddedPostgres DATABASE;
    static final AtomicInteger BROKEN_REFRESHES = new AtomicInteger();

    static {
        try {
            DATABASE = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CRYPTOMUS.start();
        // USDT on TRON from 5 to 2500 at 0.75 % + 0.1; BTC switched off. Stubbed before the context starts.
        CRYPTOMUS.stubFor(post(urlPathEqualTo("/v1/payment/services")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"state": 0, "result": [
                          {"network": "TRON", "currency": "USDT", "is_available": true,
                           "limit": {"min_amount": "5.00000000", "max_amount": "2500.00000000"},
                           "commission": {"fee_amount": "0.10", "percent": "0.75"}},
                          {"network": "BTC", "currency": "BTC", "is_available": false,
                           "limit": {"min_amount": "0.00100000", "max_amount": "100.00000000"},
                           "commission": {"fee_amount": "0.00010000", "percent": "1.00"}}]}""")));
    }

    @AfterAll
    static void stop() {
        // The database server stays up until the JVM exits: the context (closed after this method) still uses it.
        CRYPTOMUS.stop();
    }

    @DynamicPropertySource
    static void providers(DynamicPropertyRegistry registry) {
        registry.add("DATABASE_URL", () -> "postgres://postgres:unused@localhost:" + DATABASE.getPort() + "/postgres");
        String c = "paymux.providers.instances.cryptomus-refresh.";
        registry.add(c + "type", () -> "cryptomus");
        registry.add(c + "base-url", CRYPTOMUS::baseUrl);
        registry.add(c + "merchant-id", () -> "8b03432e-385b-4670-8d06-064591096795");
        registry.add(c + "api-key", () -> "cryptomus-refresh-key");
        registry.add("paymux.providers.refresh-interval", () -> "1h");
        registry.add("paymux.providers.refresh-initial-delay", () -> "100ms");
        registry.add("paymux.providers.reconcile-tick", () -> "1h");
    }

    /** A provider bean whose refresh throws, registered before the configured Cryptomus instance. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Broken {
        @Bean
        PaymentProvider brokenRefresh() {
            return new BrokenProvider();
        }
    }

    @Autowired
    ProviderRegistry registry;

    @Test
    void theScheduledRefreshReadsTheServiceListIntoCapabilitiesAndQuotes() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (CRYPTOMUS.findAll(postRequestedFor(urlPathEqualTo("/v1/payment/services"))).isEmpty()
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        // Give the refresh a moment to store what it read.
        PaymentProvider cryptomus = registry.find("cryptomus-refresh").orElseThrow();
        while (!cryptomus.health().detail().contains("service list read") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        CRYPTOMUS.verify(1, postRequestedFor(urlPathEqualTo("/v1/payment/services"))
                .withHeader("merchant", matching("8b03432e-385b-4670-8d06-064591096795"))
                .withHeader("sign", matching("[0-9a-f]{32}")));
        assertThat(BROKEN_REFRESHES.get()).as("the throwing instance was refreshed first").isEqualTo(1);

        Http.Response r = admin().send("GET", "/admin/v1/providers", null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode instance = null;
        for (JsonNode i : r.data()) {
            if (i.get("instance").asString().equals("cryptomus-refresh")) {
                instance = i;
            }
        }
        assertThat(instance).as(r.body()).isNotNull();
        JsonNode usdt = null;
        JsonNode btc = null;
        for (JsonNode m : instance.get("methods")) {
            if (m.get("currency").asString().equals("USDT_TRC20")) {
                usdt = m;
            } else if (m.get("currency").asString().equals("BTC")) {
                btc = m;
            }
        }
        assertThat(usdt).as(r.body()).isNotNull();
        assertThat(new BigDecimal(usdt.get("min").asString())).isEqualByComparingTo("5");
        assertThat(new BigDecimal(usdt.get("max").asString())).isEqualByComparingTo("2500");
        assertThat(btc.get("available").asBoolean()).isFalse();

        Quote quote = cryptomus.quote(new PaymentIntent("refresh-1", new BigDecimal("100"), "USDT_TRC20",
                "USDT_TRC20", Duration.ofHours(1), "https://pay.example.test/callbacks/cryptomus-refresh", null, null));
        assertThat(quote.eligible()).as(quote.reason()).isTrue();
        assertThat(quote.cost()).as("0.75 % of 100 plus 0.10").isEqualByComparingTo("0.85");
        assertThat(cryptomus.quote(new PaymentIntent("refresh-2", new BigDecimal("3000"), "USDT_TRC20",
                "USDT_TRC20", Duration.ofHours(1), "https://pay.example.test/callbacks/cryptomus-refresh", null, null))
                .eligible()).as("above the refreshed maximum").isFalse();
    }

    @Test
    void oneInstanceThatThrowsDoesNotStopTheOthers() {
        AtomicInteger second = new AtomicInteger();
        PaymentProvider counting = new BrokenProvider() {
            @Override
            public String instance() {
                return "counting";
            }

            @Override
            public void refresh() {
                second.incrementAndGet();
            }
        };
        int before = BROKEN_REFRESHES.get();
        assertThat(ProviderRefreshFlowConfiguration.refreshAll(List.of(new BrokenProvider(), counting))).isEqualTo(1);
        assertThat(BROKEN_REFRESHES.get()).isEqualTo(before + 1);
        assertThat(second.get()).isEqualTo(1);
    }

    /** Takes nothing; its refresh throws. */
    static class BrokenProvider implements PaymentProvider, Refreshable {
        @Override
        public String type() {
            return "broken";
        }

        @Override
        public String instance() {
            return "broken-refresh";
        }

        @Override
        public Capabilities capabilities() {
            return new Capabilities(List.of(), false, false);
        }

        @Override
        public Quote quote(PaymentIntent intent) {
            return Quote.notEligible(instance(), "takes nothing");
        }

        @Override
        public ProviderPayment create(PaymentIntent intent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderPayment fetch(ProviderReference reference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CallbackResult parseCallback(CallbackRequest request) {
            return new CallbackResult.Rejected("not a real provider");
        }

        @Override
        public void refresh() {
            BROKEN_REFRESHES.incrementAndGet();
            throw new IllegalStateException("refresh broke");
        }
    }
}
