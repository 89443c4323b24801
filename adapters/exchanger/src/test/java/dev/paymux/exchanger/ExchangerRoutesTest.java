package dev.paymux.exchanger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.paymux.exchanger.ExchangerFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.Quote;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Routes as configuration: the currency table, capabilities, quotes within limits, and route/get refreshes. */
class ExchangerRoutesTest extends ExchangerWireMockSupport {

    private ExchangerProvider provider() {
        return new ExchangerProvider(config(wireMock.baseUrl()));
    }

    private static PaymentIntent intent(String amount, String currency, String payCurrency) {
        return new PaymentIntent("ref-1", new BigDecimal(amount), currency, payCurrency, Duration.ofMinutes(30),
                CALLBACK_URL, null, null);
    }

    @Test
    void paymuxCodesMapToBestChangeCodesInOneTable() {
        assertThat(CurrencyCodes.toXml("USDT_TRC20")).isEqualTo("USDTTRC20");
        assertThat(CurrencyCodes.toXml("USDT_ERC20")).isEqualTo("USDTERC20");
        assertThat(CurrencyCodes.toXml("BTC")).isEqualTo("BTC");
        assertThat(CurrencyCodes.toXml("ETH")).isEqualTo("ETH");
        assertThat(CurrencyCodes.toXml("rub")).isEqualTo("CARDRUB");
        assertThat(CurrencyCodes.fromXml("USDTTRC20")).contains("USDT_TRC20");
        assertThat(CurrencyCodes.fromXml("SBERRUB")).contains("RUB");
        assertThat(CurrencyCodes.fromXml("WMZ")).isEmpty();
        assertThat(CurrencyCodes.normalise("usdterc20")).isEqualTo("USDT_ERC20");
        assertThat(CurrencyCodes.normalise("WMZ")).as("unknown codes pass through").isEqualTo("WMZ");
        assertThat(CurrencyCodes.table()).containsEntry("USDT_TRC20", "USDTTRC20").hasSize(9);
    }

    @Test
    void capabilitiesListEveryRouteAndSayThatPaymuxMustPoll() {
        Capabilities caps = provider().capabilities();
        assertThat(caps.methods()).extracting(m -> m.currency()).containsExactly("RUB", "BTC");
        assertThat(caps.method("RUB")).hasValueSatisfying(m -> {
            assertThat(m.min()).isEqualByComparingTo("1000");
            assertThat(m.max()).isEqualByComparingTo("300000");
        });
        assertThat(caps.sendsCallbacks()).isTrue();
        assertThat(caps.retriesCallbacks()).isFalse();
        assertThat(caps.needsPolling()).isTrue();
        assertThat(provider().routes()).extracting(ExchangerRoute::routeId).containsExactly(CARD_ROUTE, BTC_ROUTE);
    }

    @Test
    void aQuoteCostsTheRoutesFeesIncludingItsSpread() {
        Quote quote = provider().quote(intent("5000", "RUB", "RUB"));
        assertThat(quote.eligible()).isTrue();
        // 1.5 % of 5000 + 2 % FX spread of 5000 = 75 + 100
        assertThat(quote.cost()).isEqualByComparingTo("175.00");
        assertThat(quote.cost().scale()).isEqualTo(2);
        assertThat(quote.currency()).isEqualTo("RUB");
    }

    @Test
    void aQuoteAcceptsTheXmlCodeAndPricesAtTheAssetsScale() {
        Quote quote = provider().quote(intent("0.01", "BTC", "BTC"));
        // 0.5 % of 0.01 + 0.0001 network fee + 1 % spread = 0.00005 + 0.0001 + 0.0001
        assertThat(quote.cost()).isEqualByComparingTo("0.00025");
        assertThat(quote.cost().scale()).isEqualTo(8);
        assertThat(provider().quote(intent("5000", "CARDRUB", "CARDRUB")).eligible()).isTrue();
    }

    @Test
    void aQuoteBeyondTheLimitsOrOnAnotherCurrencyIsNotEligible() {
        ExchangerProvider provider = provider();
        assertThat(provider.quote(intent("999.99", "RUB", "RUB")).reason())
                .contains("outside the limits").contains("1000 .. 300000");
        assertThat(provider.quote(intent("300000.01", "RUB", "RUB")).eligible()).isFalse();
        assertThat(provider.quote(intent("300000", "RUB", "RUB")).eligible()).isTrue();
        assertThat(provider.quote(intent("100", "USDT_TRC20", null)).reason()).contains("not offered");
        assertThat(provider.quote(intent("100", "USD", "RUB")).reason()).contains("pay-in currency");
        assertThat(requests()).as("quotes make no calls").isZero();
    }

    @Test
    void theCheapestRouteThatHoldsTheAmountIsChosenAndUsed() {
        ExchangerRoute cheapSmall = ExchangerRoute.of("route-cheap", "CARDRUB", "USDTTRC20", new BigDecimal("1000"),
                new BigDecimal("10000"), FeeSchedule.percent(BigDecimal.ONE));
        ExchangerRoute dearLarge = ExchangerRoute.of("route-dear", "SBERRUB", "USDTERC20", new BigDecimal("1000"),
                new BigDecimal("500000"), FeeSchedule.percent(new BigDecimal("3")));
        ExchangerProvider provider = new ExchangerProvider(config(wireMock.baseUrl())
                .withRoutes(List.of(dearLarge, cheapSmall)));
        assertThat(provider.quote(intent("5000", "RUB", "RUB")).cost()).isEqualByComparingTo("50.00");
        assertThat(provider.quote(intent("50000", "RUB", "RUB")).cost()).isEqualByComparingTo("1500.00");

        wireMock.stubFor(post(urlPathEqualTo("/public/exchanger/order/create")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(createdBody(cardIntent("ref-1")))));
        provider.create(intent("5000", "RUB", "RUB"));
        wireMock.verify(postRequestedFor(urlPathEqualTo("/public/exchanger/order/create"))
                .withRequestBody(matchingJsonPath("$.routeId", com.github.tomakehurst.wiremock.client.WireMock
                        .equalTo("route-cheap"))));
    }

    @Test
    void refreshingFromRouteGetNarrowsLimitsAndSwitchesRoutesOff() {
        wireMock.stubFor(get(urlPathEqualTo("/public/exchanger/route/get")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("routes.json"))));
        ExchangerProvider provider = provider();

        List<ExchangerRoute> routes = provider.refreshRoutes();

        ExchangerRoute card = routes.get(0);
        assertThat(card.available()).isTrue();
        assertThat(card.min()).as("the exchanger's min is above ours").isEqualByComparingTo("2000");
        assertThat(card.max()).as("the exchanger's max is below ours").isEqualByComparingTo("150000");
        assertThat(card.toValues()).containsEntry(WALLET_FIELD, WALLET);
        assertThat(routes.get(1).available()).as("isShowWeb=false").isFalse();
        assertThat(routes.get(1).min()).isEqualByComparingTo("0.001");

        int calls = requests();
        assertThat(provider.quote(intent("1500", "RUB", "RUB")).eligible()).isFalse();
        assertThat(provider.quote(intent("0.01", "BTC", "BTC")).reason()).contains("unavailable");
        assertThat(provider.capabilities().method("BTC")).hasValueSatisfying(m -> assertThat(m.available()).isFalse());
        assertThat(requests()).as("quotes after a refresh make no calls").isEqualTo(calls);
        wireMock.verify(1, getRequestedFor(urlPathEqualTo("/public/exchanger/route/get")));
    }

    @Test
    void aRouteTheExchangerNoLongerListsBecomesUnavailable() {
        wireMock.stubFor(get(urlPathEqualTo("/public/exchanger/route/get")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"routes\":[]}")));
        ExchangerProvider provider = provider();
        assertThat(provider.refreshRoutes()).allSatisfy(r -> assertThat(r.available()).isFalse());
        assertThat(provider.health().up()).isFalse();
        assertThat(provider.health().detail()).contains("no route");
    }

    @Test
    void aFailedRefreshKeepsTheRoutesAndIsTyped() {
        wireMock.stubFor(get(urlPathEqualTo("/public/exchanger/route/get")).willReturn(aResponse().withStatus(502)));
        ExchangerProvider provider = provider();
        assertThatThrownBy(provider::refreshRoutes).isInstanceOfSatisfying(ProviderException.class,
                e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE));
        wireMock.verify(2, getRequestedFor(urlPathEqualTo("/public/exchanger/route/get"))); // retried once
        assertThat(provider.routes()).isEqualTo(routes());
    }

    @Test
    void theScheduledRefreshDoesNotThrowAndReportsTheFailureInHealthUntilARefreshSucceeds() {
        wireMock.stubFor(get(urlPathEqualTo("/public/exchanger/route/get")).willReturn(aResponse().withStatus(502)));
        ExchangerProvider provider = provider();
        provider.refresh();
        assertThat(provider.routes()).isEqualTo(routes());
        assertThat(provider.health().detail()).contains("last route refresh failed").contains("unavailable");

        wireMock.resetAll();
        wireMock.stubFor(get(urlPathEqualTo("/public/exchanger/route/get")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(resource("routes.json"))));
        provider.refresh();
        assertThat(provider.routes().get(0).min()).isEqualByComparingTo("2000");
        assertThat(provider.health().detail()).doesNotContain("failed");
    }

    @Test
    void routesAreCheckedWhenConfigured() {
        assertThatThrownBy(() -> ExchangerRoute.of("r", "BTC", "USDTTRC20", BigDecimal.TEN, BigDecimal.ONE, null))
                .isInstanceOf(IllegalArgumentException.class);
        ExchangerRoute route = ExchangerRoute.of("r", "BTC", "USDTTRC20", null, null, null);
        assertThatThrownBy(() -> config(wireMock.baseUrl()).withRoutes(List.of(route, route)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("twice");
        assertThat(route.fees()).isEqualTo(FeeSchedule.free());
        assertThat(route.withToValues(Map.of("k", "v")).toValues()).containsEntry("k", "v");
    }
}
