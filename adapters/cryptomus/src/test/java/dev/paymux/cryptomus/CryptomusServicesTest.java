package dev.paymux.cryptomus;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The service list feeding capabilities and quotes, and quotes that never call Cryptomus. */
class CryptomusServicesTest extends CryptomusWireMockTest {

    @Test
    void beforeTheFirstRefreshTheConfiguredMethodsApply() {
        CryptomusProvider provider = provider(10);
        PayMethod usdt = provider.capabilities().method("USDT_TRC20").orElseThrow();
        assertThat(usdt.available()).isTrue();
        assertThat(usdt.min()).isEqualByComparingTo("1");
        assertThat(usdt.fees().percent()).isEqualByComparingTo("2");
        assertThat(provider.quote(intent("25", "USDT_TRC20", "USDT_TRC20")).cost()).isEqualByComparingTo("0.5");
        assertThat(provider.capabilities().needsPolling()).as("Cryptomus promises no webhook retries").isTrue();
        assertThat(provider.servicesRefreshedAt()).isNull();
        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void theServiceListSetsAvailabilityLimitsAndCommission() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(json(200, "services.json", Map.of())));
        CryptomusProvider provider = provider(10);

        provider.refreshServices();

        Map<String, PayMethod> methods = new HashMap<>();
        provider.capabilities().methods().forEach(m -> methods.put(m.currency(), m));
        assertThat(methods).containsOnlyKeys("USDT_TRC20", "USDT_ERC20", "BTC", "ETH");
        assertThat(methods.get("USDT_TRC20").available()).isTrue();
        assertThat(methods.get("USDT_TRC20").max()).isEqualByComparingTo("100000");
        assertThat(methods.get("USDT_TRC20").fees().percent()).isEqualByComparingTo("0.40");
        assertThat(methods.get("BTC").min()).isEqualByComparingTo("0.001");
        assertThat(methods.get("BTC").fees().fixed()).isEqualByComparingTo("0.0001");
        assertThat(methods.get("ETH").available()).as("is_available false").isFalse();
        assertThat(methods.get("USDT_ERC20").available()).as("not listed by Cryptomus").isFalse();
        assertThat(provider.servicesRefreshedAt()).isNotNull();
    }

    @Test
    void quotesUseTheCacheAndNeverCallCryptomus() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(json(200, "services.json", Map.of())));
        CryptomusProvider provider = provider(10);
        provider.refreshServices();
        wireMock.resetRequests();

        Quote usdt = provider.quote(intent("25", "USDT_TRC20", "USDT_TRC20"));
        assertThat(usdt.eligible()).isTrue();
        assertThat(usdt.cost()).isEqualByComparingTo("0.1");
        assertThat(usdt.currency()).isEqualTo("USDT_TRC20");

        Quote btc = provider.quote(intent("0.5", "BTC", null));
        assertThat(btc.cost()).isEqualByComparingTo("0.0051");

        assertThat(provider.quote(intent("1", "ETH", "ETH")).reason()).contains("unavailable");
        assertThat(provider.quote(intent("0.0001", "BTC", "BTC")).reason()).contains("outside the limits");

        Quote usdInBtc = provider.quote(intent("100", "USD", "BTC"));
        assertThat(usdInBtc.cost()).as("1 % of 100 USD, in USD").isEqualByComparingTo("1.00");
        assertThat(usdInBtc.currency()).isEqualTo("USD");
        Quote usdAnyCoin = provider.quote(intent("100", "USD", null));
        assertThat(usdAnyCoin.cost()).as("the configured fiat fee").isEqualByComparingTo("2.00");
        assertThat(provider.quote(intent("100", "USD", "ETH")).eligible()).isFalse();
        assertThat(provider.quote(intent("1000000", "USD", "BTC")).reason()).contains("outside the limits");
        assertThat(provider.quote(intent("100", "JPY", null)).reason()).contains("not supported");
        assertThat(provider.quote(intent("100", "USD", "DOGE")).reason()).contains("not supported");

        assertThat(wireMock.getAllServeEvents()).isEmpty();
    }

    @Test
    void theScheduledRefreshDoesNotThrowAndReportsTheFailureInHealthUntilARefreshSucceeds() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(aResponse().withStatus(502)));
        CryptomusProvider provider = provider(10);
        var before = provider.capabilities();
        provider.refresh();
        assertThat(provider.capabilities()).isEqualTo(before);
        assertThat(provider.health().up()).isTrue();
        assertThat(provider.health().detail()).contains("last refresh failed").contains("unavailable")
                .doesNotContain(CryptomusFixtures.API_KEY);

        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(json(200, "services.json", Map.of())));
        provider.refresh();
        assertThat(provider.servicesRefreshedAt()).isNotNull();
        assertThat(provider.health().detail()).contains("service list read").doesNotContain("failed");
    }

    @Test
    void aFailedRefreshKeepsThePreviousList() {
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(json(200, "services.json", Map.of())));
        CryptomusProvider provider = provider(10);
        provider.refreshServices();
        var before = provider.capabilities();

        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(provider::refreshServices).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        assertThat(provider.capabilities()).isEqualTo(before);

        wireMock.resetAll();
        wireMock.stubFor(post(urlEqualTo("/v1/payment/services")).willReturn(json(200, "empty-result.json", Map.of())
                .withBody("{\"state\":0,\"result\":{\"not\":\"a list\"}}")));
        assertThatThrownBy(provider::refreshServices).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.MALFORMED));
        assertThat(provider.capabilities()).isEqualTo(before);
    }

    private static PaymentIntent intent(String amount, String currency, String payCurrency) {
        return new PaymentIntent("q-1", new BigDecimal(amount), currency, payCurrency, Duration.ofHours(1),
                "https://paymux.example/cb", null, null);
    }
}
