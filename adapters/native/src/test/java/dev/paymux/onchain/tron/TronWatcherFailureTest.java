package dev.paymux.onchain.tron;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.paymux.core.chain.ChainUnavailableException;
import dev.paymux.core.chain.Cursor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TronWatcherFailureTest extends TronGridTestBase {

    private static final String SAVED = Long.toString(START);

    private void savedCursor() {
        cursors.save(TronWatcher.NAME, new Cursor(77_998_800L, "earlier", SAVED, Instant.ofEpochMilli(START)));
    }

    @Test
    void rateLimitedPollThrowsWithRetryAfterKeepsTheCursorAndTheNextPollCatchesUpOnEverything() {
        savedCursor();
        stubTip();
        stubAddressA();
        stubAddressB();
        tronGrid.stubFor(trc20(B, null).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                .withBody(body("throttled-429.json"))));
        watched.add(A);
        watched.add(B);
        TronWatcher watcher = watcher();

        assertThatThrownBy(watcher::poll).isInstanceOfSatisfying(ChainUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        assertThat(position()).isEqualTo(SAVED);
        assertThat(sink.transfers).isEmpty();
        assertThat(sink.tips).isEmpty();
        // Throttling is not retried in place: the caller backs off.
        tronGrid.verify(1, getRequestedFor(urlPathEqualTo("/v1/accounts/" + B + "/transactions/trc20")));

        tronGrid.stubFor(trc20(B, null).willReturn(json("trc20-B-page1.json")));
        watcher.poll();

        assertThat(sink.transfers.keySet()).extracting(k -> k.txHash())
                .containsExactlyInAnyOrder(TX1, TX2, TX4, TX5, TX6);
        assertThat(position()).isEqualTo(Long.toString(T0 - OVERLAP));
        tronGrid.verify(getRequestedFor(urlPathEqualTo("/v1/accounts/" + B + "/transactions/trc20"))
                .withQueryParam("min_timestamp", equalTo(SAVED)));
    }

    @Test
    void forbiddenThrottlingTakesTheSuspensionFromTheBody() {
        savedCursor();
        stubTip();
        tronGrid.stubFor(trc20(A, null).willReturn(aResponse().withStatus(403).withBody(body("throttled-403.json"))));
        watched.add(A);

        assertThatThrownBy(watcher()::poll).isInstanceOfSatisfying(ChainUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(5)));
        assertThat(position()).isEqualTo(SAVED);
    }

    @Test
    void aServerErrorIsRetriedInPlace() {
        stubTip();
        stubAddressA();
        tronGrid.stubFor(trc20(A, null).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(502)).willSetStateTo("recovered"));
        tronGrid.stubFor(trc20(A, null).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(json("trc20-A.json")));
        watched.add(A);

        watcher().poll();

        assertThat(sink.transfer(TX1, 0).amount()).isEqualTo(new BigDecimal("1.000000"));
    }

    @Test
    void persistentServerErrorsAndDroppedConnectionsLeaveTheCursorAlone() {
        savedCursor();
        stubTip();
        tronGrid.stubFor(trc20(A, null).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "30")));
        watched.add(A);

        assertThatThrownBy(watcher()::poll).isInstanceOfSatisfying(ChainUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
        tronGrid.verify(2, getRequestedFor(urlPathEqualTo("/v1/accounts/" + A + "/transactions/trc20")));
        assertThat(position()).isEqualTo(SAVED);

        tronGrid.stubFor(trc20(A, null).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThatThrownBy(watcher()::poll).isInstanceOf(ChainUnavailableException.class);
        assertThat(position()).isEqualTo(SAVED);
    }

    @Test
    void aSlowAnswerTimesOut() {
        savedCursor();
        stubTip();
        tronGrid.stubFor(trc20(A, null).willReturn(json("trc20-empty.json").withFixedDelay(1_500)));
        watched.add(A);
        TronWatcherConfig base = config();
        TronWatcherConfig impatient = new TronWatcherConfig(base.baseUrl(), null, base.usdtContract(),
                base.pageLimit(), base.maxPagesPerAddress(), base.startTimestamp(), base.lookback(), base.overlap(),
                base.maxWindow(), base.connectTimeout(), Duration.ofMillis(300), 1, base.retryWait(),
                base.breakerFailureRate(), base.breakerWindow(), base.breakerOpenWait());

        assertThatThrownBy(watcher(impatient)::poll).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("Timeout");
        assertThat(position()).isEqualTo(SAVED);
    }

    @Test
    void malformedJsonIsAnOutageNotAnEmptyAnswer() {
        savedCursor();
        stubTip();
        tronGrid.stubFor(trc20(A, null).willReturn(aResponse().withStatus(200).withBody("{\"data\": [ {\"transacti")));
        watched.add(A);

        assertThatThrownBy(watcher()::poll).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("malformed JSON");
        assertThat(position()).isEqualTo(SAVED);
        assertThat(sink.tips).isEmpty();
    }

    @Test
    void aTransactionInfoWithoutItsBlockIsAnOutage() {
        savedCursor();
        stubTip();
        stubAddressA();
        tronGrid.stubFor(post(urlPathEqualTo("/wallet/gettransactioninfobyid"))
                .willReturn(aResponse().withStatus(200).withBody("{\"id\":\"" + TX1 + "\",\"log\":[]}")));
        watched.add(A);

        assertThatThrownBy(watcher()::poll).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("blockNumber");
        assertThat(position()).isEqualTo(SAVED);
        assertThat(sink.transfers).isEmpty();
    }

    @Test
    void anOpenCircuitFailsFastWithItsWaitAsRetryAfter() {
        savedCursor();
        tronGrid.stubFor(post(urlPathEqualTo("/wallet/getblock")).willReturn(aResponse().withStatus(500)));
        TronWatcher watcher = watcher(config().withResilience(1, Duration.ofMillis(1), 50f, 2, Duration.ofMinutes(1)));

        assertThatThrownBy(watcher::poll).isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(watcher::poll).isInstanceOf(ChainUnavailableException.class);
        int served = tronGrid.getAllServeEvents().size();
        assertThatThrownBy(watcher::poll).isInstanceOfSatisfying(ChainUnavailableException.class, e -> {
            assertThat(e.getMessage()).contains("circuit breaker is open");
            assertThat(e.retryAfter()).isEqualTo(Duration.ofMinutes(1));
        });
        assertThat(tronGrid.getAllServeEvents()).hasSize(served);
        assertThat(position()).isEqualTo(SAVED);
    }
}
