package dev.paymux.onchain.evm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainUnavailableException;
import dev.paymux.core.chain.Cursor;
import dev.paymux.onchain.MemoryCursors;
import dev.paymux.onchain.evm.EvmTestDoubles.RecordingSink;
import dev.paymux.onchain.evm.EvmTestDoubles.Watched;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The watcher when the JSON-RPC endpoint is down, throttled or answers errors: it throws {@link
 * ChainUnavailableException}, reports nothing and leaves the cursor where it was.
 */
class EthereumWatcherFailureTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);
    private static final Cursor SAVED = new Cursor(10, "0x" + "ab".repeat(32), null, Instant.EPOCH);

    private final RecordingSink sink = new RecordingSink();
    private final MemoryCursors cursors = new MemoryCursors();
    private final Watched watched = new Watched();
    private WireMockServer wireMock;
    private EthereumWatcher watcher;

    @BeforeEach
    void savedCursor() {
        cursors.save(EthereumWatcher.NAME, SAVED);
    }

    @AfterEach
    void stop() {
        if (watcher != null) {
            watcher.close();
        }
        if (wireMock != null) {
            wireMock.stop();
        }
    }

    private EthereumWatcher watcher(String url, int retryAttempts, int breakerWindow) {
        EthereumWatcherConfig d = EthereumWatcherConfig.defaults(url);
        EthereumWatcherConfig config = new EthereumWatcherConfig(d.rpcUrl(), d.usdtContract(), d.usdtDecimals(), null,
                d.lookback(), d.maxBlocksPerPoll(), d.rememberBlocks(), d.topicFilterMaxAddresses(),
                Duration.ofSeconds(5), retryAttempts, Duration.ofMillis(10), 50, breakerWindow, breakerWindow,
                Duration.ofSeconds(60));
        watcher = new EthereumWatcher(config, cursors, sink, watched, CLOCK);
        return watcher;
    }

    private String wireMockUrl() {
        wireMock = new WireMockServer(wireMockConfig().dynamicPort());
        wireMock.start();
        return wireMock.baseUrl();
    }

    private void assertNothingMoved() {
        assertThat(cursors.load(EthereumWatcher.NAME)).contains(SAVED);
        assertThat(cursors.remembered(EthereumWatcher.NAME)).isEmpty();
        assertThat(sink.calls()).isZero();
    }

    @Test
    void closedPortIsUnavailableAndTheCursorStays() throws IOException {
        EthereumWatcher w = watcher("http://127.0.0.1:" + closedPort(), 2, 10);

        assertThatThrownBy(w::poll).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("eth_blockNumber");
        assertNothingMoved();
    }

    @Test
    void circuitOpensAfterRepeatedFailuresAndSaysWhenToComeBack() throws IOException {
        EthereumWatcher w = watcher("http://127.0.0.1:" + closedPort(), 1, 2);
        assertThatThrownBy(w::poll).isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(w::poll).isInstanceOf(ChainUnavailableException.class);

        assertThatThrownBy(w::poll).isInstanceOfSatisfying(ChainUnavailableException.class, e -> {
            assertThat(e).hasCauseInstanceOf(CallNotPermittedException.class).hasMessageContaining("circuit open");
            assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
        });
        assertNothingMoved();
    }

    @Test
    void throttledAnswerCarriesRetryAfterAndIsNotRetriedHere() {
        String url = wireMockUrl();
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7").withHeader("Content-Type", "application/json")
                .withBody(body("too_many_requests.json"))));
        EthereumWatcher w = watcher(url, 3, 10);

        assertThatThrownBy(w::poll).isInstanceOfSatisfying(ChainUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7)));
        wireMock.verify(1, postRequestedFor(urlEqualTo("/")));
        assertNothingMoved();
    }

    @Test
    void serverErrorsAreRetriedThenUnavailable() {
        String url = wireMockUrl();
        wireMock.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(503)));
        EthereumWatcher w = watcher(url, 3, 10);

        assertThatThrownBy(w::poll).isInstanceOf(ChainUnavailableException.class).hasMessageContaining("503");
        wireMock.verify(3, postRequestedFor(urlEqualTo("/")));
        assertNothingMoved();
    }

    @Test
    void nodeWithoutFinalizedTagReportsTipWithoutFinality() {
        String url = wireMockUrl();
        stubMethod("eth_blockNumber", "eth_blockNumber.json");
        wireMock.stubFor(rpc("eth_getBlockByNumber").withRequestBody(matchingJsonPath("$.params[0]",
                equalTo("finalized"))).willReturn(json("finalized_not_found.json")));
        cursors.save(EthereumWatcher.NAME, new Cursor(16, SAVED.hash(), null, Instant.EPOCH));
        EthereumWatcher w = watcher(url, 1, 10);

        assertThat(w.poll()).isFalse();

        assertThat(sink.tips).containsExactly(new EvmTestDoubles.Tip(Chain.ETHEREUM, 16, null,
                CLOCK.instant()));
    }

    @Test
    void jsonRpcErrorWhileReadingBlocksIsUnavailable() {
        String url = wireMockUrl();
        stubMethod("eth_blockNumber", "eth_blockNumber.json");
        wireMock.stubFor(rpc("eth_getBlockByNumber").atPriority(5).willReturn(json("limit_exceeded.json")));
        wireMock.stubFor(rpc("eth_getBlockByNumber").atPriority(1).withRequestBody(matchingJsonPath("$.params[0]",
                equalTo("finalized"))).willReturn(json("finalized_not_found.json")));
        EthereumWatcher w = watcher(url, 1, 10);

        assertThatThrownBy(w::poll).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("-32005").hasMessageContaining("limit exceeded");
        assertNothingMoved();
    }

    private void stubMethod(String method, String file) {
        wireMock.stubFor(rpc(method).willReturn(json(file)));
    }

    private static MappingBuilder rpc(String method) {
        return post(urlEqualTo("/")).withRequestBody(matchingJsonPath("$.method", equalTo(method)));
    }

    private static ResponseDefinitionBuilder json(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body(file));
    }

    private static String body(String file) {
        try (InputStream in = EthereumWatcherFailureTest.class.getResourceAsStream("/wiremock/ethereum-rpc/" + file)) {
            if (in == null) {
                throw new IllegalStateException("missing stub body " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A loopback port that nothing listens on (taken, then released). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
