package dev.paymux.onchain.bitcoin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.serviceUnavailable;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.ChainUnavailableException;
import dev.paymux.core.chain.Cursor;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.money.Asset;
import dev.paymux.onchain.MemoryCursors;
import dev.paymux.onchain.bitcoin.BitcoinTestDoubles.MutableClock;
import dev.paymux.onchain.bitcoin.BitcoinTestDoubles.RecordingSink;
import dev.paymux.onchain.bitcoin.BitcoinTestDoubles.Watched;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Bitcoin watcher against WireMock stubs shaped like Esplora's documented answers. */
class BitcoinWatcherTest {

    /** Watched. */
    static final String A = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
    /** Watched, sorts after {@link #A}. */
    static final String B = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";

    static final String T_PAY = "de3b9bec56987d94a94f40ff445958fcc833fdbdffdbcb7f9a326b96a19ef115";
    static final String T_SPEND = "f13a6817959b1d8da512bab43dc6270373e85f0d5f10c1844dfb98a24d1ce20c";
    static final String T_MEMPOOL = "f3d89293c9b8f09f9e4fa760c5aa99b27d35c43924b588e5e81b7277bdf9a34d";
    static final String T_REPLACEMENT = "4ca4783517e82daa7713869a0296fdd8d73982a1ea128658d7cfa5f6ae05afe9";

    static final String H_840005 = "000000000000000000029fb46a17860410d9da6e858dbfff0e36114233048b58";
    static final String H_840008 = "00000000000000000002ef53b99f7355889873f9c3f10316d19f320a6570334b";
    static final String H_840008_FORK = "000000000000000000028e6dae335ad04fd324e999dc62a7be759e039244ec90";
    static final String H_TIP = "00000000000000000001d104db9904d7222e03445bf830b978500d081d38040e";
    static final String H_TIP_2 = "00000000000000000000e98d8f493de942632f71f947811ce1d368a41eb3d73a";
    static final String H_SAFE = "000000000000000000002c1c4095be5f8cc0d06e812983184d7ace7965c75668";

    static final Instant T0 = Instant.parse("2024-04-20T00:50:00Z");

    WireMockServer server;
    MemoryCursors cursors = new MemoryCursors();
    RecordingSink sink = new RecordingSink();
    Watched watched = new Watched(A);
    MutableClock clock = new MutableClock(T0);

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        // any safe-height lookup and block status: a best-chain block, unless a test says otherwise
        server.stubFor(get(urlPathMatching("/api/block-height/\\d+")).willReturn(text(H_SAFE)));
        server.stubFor(get(urlPathMatching("/api/block/[0-9a-f]+/status"))
                .willReturn(okJson(resource("block-status-best.json"))));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void reportsAConfirmedPaymentWithItsExactAmountOutputAndBlock() {
        tip(840010, H_TIP);
        txs(A, resource("address-txs-confirmed.json"));

        boolean more = watcher(50, 10).poll();

        assertThat(more).isFalse();
        assertThat(sink.tips).containsExactly(840010L);
        assertThat(sink.observed).hasSize(1);
        ChainTransfer t = sink.observed.get(0);
        assertThat(t.key()).isEqualTo(new TransferKey(Chain.BITCOIN, T_PAY, 1));
        assertThat(t.asset()).isEqualTo(Asset.BTC);
        assertThat(t.toAddress()).isEqualTo(A);
        assertThat(t.amount()).isEqualTo(new BigDecimal("0.00150000"));
        assertThat(t.blockHeight()).isEqualTo(840005L);
        assertThat(t.blockHash()).isEqualTo(H_840005);
        assertThat(t.blockTime()).isEqualTo(Instant.ofEpochSecond(1713574220));
        assertThat(t.inMempool()).isFalse();

        Cursor cursor = cursors.load("bitcoin").orElseThrow();
        assertThat(cursor.height()).isEqualTo(840010 - 6);
        assertThat(cursor.hash()).isEqualTo(H_SAFE);
        assertThat(cursors.rememberedBlock("bitcoin", 840005)).contains(H_840005);
    }

    @Test
    void ignoresOutputsToUnwatchedAddresses() {
        // T_PAY's change output and all of T_SPEND (A spending to two other addresses) pay unwatched addresses
        tip(840010, H_TIP);
        txs(A, resource("address-txs-confirmed.json"));
        watched.btc.clear();
        watched.btc.add(A.toUpperCase()); // bech32 is case-insensitive; the watched form is reported

        watcher(50, 10).poll();

        assertThat(sink.observed).extracting(ChainTransfer::key)
                .containsExactly(new TransferKey(Chain.BITCOIN, T_PAY, 1));
        assertThat(sink.observed.get(0).toAddress()).isEqualTo(A.toUpperCase());
        assertThat(sink.observed).noneMatch(t -> t.key().txHash().equals(T_SPEND));
    }

    @Test
    void reportsAMempoolTransactionThenItsBlockOnALaterPoll() {
        tip(840007, H_TIP);
        txs(A, resource("address-txs-mempool.json"));
        BitcoinWatcher watcher = watcher(50, 10);

        assertThat(watcher.poll()).isFalse();

        assertThat(sink.observed).hasSize(1);
        ChainTransfer seen = sink.observed.get(0);
        assertThat(seen.key()).isEqualTo(new TransferKey(Chain.BITCOIN, T_MEMPOOL, 0));
        assertThat(seen.inMempool()).isTrue();
        assertThat(seen.blockHash()).isNull();
        assertThat(seen.blockTime()).isEqualTo(T0);
        assertThat(seen.amount()).isEqualTo(new BigDecimal("0.00150000"));
        assertThat(cursors.load("bitcoin").orElseThrow().position()).contains(T_MEMPOOL);

        clock.now = T0.plusSeconds(600);
        tip(840009, H_TIP_2);
        txs(A, resource("address-txs-mempool-confirmed.json"));

        assertThat(watcher.poll()).isFalse();

        assertThat(sink.observed).hasSize(2);
        ChainTransfer confirmed = sink.observed.get(1);
        assertThat(confirmed.key()).isEqualTo(seen.key());
        assertThat(confirmed.blockHeight()).isEqualTo(840008L);
        assertThat(confirmed.blockHash()).isEqualTo(H_840008);
        assertThat(confirmed.blockTime()).isEqualTo(Instant.ofEpochSecond(1713575888));
        assertThat(sink.dropped).isEmpty();
        assertThat(cursors.load("bitcoin").orElseThrow().position()).doesNotContain(T_MEMPOOL);
        server.verify(0, getRequestedFor(urlPathMatching("/api/tx/.*")));
    }

    @Test
    void pagesConfirmedHistoryAcrossPollsDownToTheCursorHeight() {
        cursors.save("bitcoin", new Cursor(839950, H_SAFE, null, T0));
        tip(840010, H_TIP);
        List<String> page1 = page(840009, 25); // served by /txs: no mempool, the 25 newest confirmed
        List<String> page2 = page(839984, 25);
        List<String> page3 = page(839959, 25); // reaches 839935, below the cursor: paging stops here
        txs(A, json(page1));
        chain(A, txid(840009 - 24), json(page2));
        chain(A, txid(839984 - 24), json(page3));
        BitcoinWatcher watcher = watcher(50, 2);

        assertThat(watcher.poll()).as("two pages per poll, more remain").isTrue();

        assertThat(sink.observed).hasSize(50);
        Cursor mid = cursors.load("bitcoin").orElseThrow();
        assertThat(mid.height()).as("the sweep is not complete").isEqualTo(839950);
        assertThat(mid.position()).contains(txid(839984 - 24));

        assertThat(watcher.poll()).isFalse();

        assertThat(sink.latest()).hasSize(75);
        assertThat(sink.latest().values()).allMatch(t -> t.toAddress().equals(A) && t.key().index() == 0);
        assertThat(sink.latest().get(new TransferKey(Chain.BITCOIN, txid(839935), 0)).amount())
                .isEqualTo(BigDecimal.valueOf(839935, 8));
        assertThat(cursors.load("bitcoin").orElseThrow().height()).isEqualTo(840004);
        server.verify(1, getRequestedFor(urlEqualTo("/api/address/" + A + "/txs")));
        server.verify(1, getRequestedFor(urlEqualTo("/api/address/" + A + "/txs/chain/" + txid(839960))));
        server.verify(0, getRequestedFor(urlEqualTo("/api/address/" + A + "/txs/chain/" + txid(839935))));
    }

    @Test
    void dropsAReplacedMempoolTransactionAndReportsItsReplacement() {
        tip(840007, H_TIP);
        txs(A, resource("address-txs-mempool.json"));
        BitcoinWatcher watcher = watcher(50, 10);
        watcher.poll();

        txs(A, resource("address-txs-replacement.json"));
        server.stubFor(get(urlEqualTo("/api/tx/" + T_MEMPOOL + "/status")).willReturn(notFound()));
        clock.now = T0.plusSeconds(60);
        watcher.poll();

        TransferKey old = new TransferKey(Chain.BITCOIN, T_MEMPOOL, 0);
        assertThat(sink.dropped).containsEntry(old, "replaced or double-spent").hasSize(1);
        ChainTransfer replacement = sink.observed.get(sink.observed.size() - 1);
        assertThat(replacement.key()).isEqualTo(new TransferKey(Chain.BITCOIN, T_REPLACEMENT, 1));
        assertThat(replacement.inMempool()).isTrue();
        assertThat(replacement.blockTime()).isEqualTo(T0.plusSeconds(60));
        String position = cursors.load("bitcoin").orElseThrow().position();
        assertThat(position).contains(T_REPLACEMENT).doesNotContain(T_MEMPOOL);

        watcher.poll();
        assertThat(sink.dropped).hasSize(1);
        assertThat(sink.observed).hasSize(2); // a still-pending transfer is not reported again
    }

    @Test
    void dropsAMempoolTransactionEsploraNoLongerKnowsWhenStatusAnswersUnconfirmed() {
        // Blockstream's electrs answers /tx/{txid}/status with {"confirmed":false} for unknown txids
        tip(840007, H_TIP);
        txs(A, resource("address-txs-mempool.json"));
        BitcoinWatcher watcher = watcher(50, 10);
        watcher.poll();

        txs(A, resource("address-txs-replacement.json"));
        server.stubFor(get(urlEqualTo("/api/tx/" + T_MEMPOOL + "/status"))
                .willReturn(okJson(resource("tx-status-unconfirmed.json"))));
        server.stubFor(get(urlEqualTo("/api/tx/" + T_MEMPOOL))
                .willReturn(notFound().withBody("Transaction not found")));
        watcher.poll();

        assertThat(sink.dropped).containsOnlyKeys(new TransferKey(Chain.BITCOIN, T_MEMPOOL, 0));
    }

    @Test
    void keepsWaitingForAMempoolTransactionThatIsOnlyMissingFromTheListing() {
        tip(840007, H_TIP);
        txs(A, resource("address-txs-mempool.json"));
        BitcoinWatcher watcher = watcher(50, 10);
        watcher.poll();

        txs(A, "[]"); // e.g. more than 50 newer mempool transactions push it out of the list
        server.stubFor(get(urlEqualTo("/api/tx/" + T_MEMPOOL + "/status"))
                .willReturn(okJson(resource("tx-status-unconfirmed.json"))));
        server.stubFor(get(urlEqualTo("/api/tx/" + T_MEMPOOL)).willReturn(okJson(resource("tx-mempool.json"))));
        watcher.poll();

        assertThat(sink.dropped).isEmpty();
        assertThat(cursors.load("bitcoin").orElseThrow().position()).contains(T_MEMPOOL);
    }

    @Test
    void aRateLimitedPollThrowsLeavesTheCursorAndARetryGetsEverything() {
        watched.btc.add(B);
        tip(840010, H_TIP);
        txs(A, resource("address-txs-confirmed.json"));
        server.stubFor(get(urlEqualTo("/api/address/" + B + "/txs"))
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30").withBody("Too Many Requests")));
        BitcoinWatcher watcher = watcher(50, 10);

        assertThatThrownBy(watcher::poll).isInstanceOfSatisfying(ChainUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(30)));

        assertThat(cursors.load("bitcoin")).as("cursor unchanged").isEmpty();
        server.verify(1, getRequestedFor(urlEqualTo("/api/address/" + B + "/txs"))); // a 429 is not retried

        txs(B, resource("address-txs-replacement.json").replace(A, B));
        assertThat(watcher.poll()).isFalse();

        assertThat(sink.latest()).containsKeys(new TransferKey(Chain.BITCOIN, T_PAY, 1),
                new TransferKey(Chain.BITCOIN, T_REPLACEMENT, 1));
        assertThat(sink.latest().get(new TransferKey(Chain.BITCOIN, T_REPLACEMENT, 1)).toAddress()).isEqualTo(B);
        assertThat(cursors.load("bitcoin").orElseThrow().height()).isEqualTo(840004);
    }

    @Test
    void serverErrorsAreRetriedAndThenSurfaceAsUnavailable() {
        server.stubFor(get(urlEqualTo("/api/blocks/tip/height")).willReturn(serviceUnavailable()));

        assertThatThrownBy(watcher(50, 10)::poll).isInstanceOf(ChainUnavailableException.class);
        server.verify(3, getRequestedFor(urlEqualTo("/api/blocks/tip/height")));
        assertThat(cursors.load("bitcoin")).isEmpty();

        server.resetRequests();
        server.stubFor(get(urlEqualTo("/api/blocks/tip/height")).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(serviceUnavailable()).willSetStateTo("up"));
        server.stubFor(get(urlEqualTo("/api/blocks/tip/height")).inScenario("flaky").whenScenarioStateIs("up")
                .willReturn(text("840010")));
        server.stubFor(get(urlEqualTo("/api/blocks/tip/hash")).willReturn(text(H_TIP)));
        txs(A, resource("address-txs-confirmed.json"));

        assertThat(watcher(50, 10).poll()).isFalse();
        assertThat(sink.observed).hasSize(1);
    }

    @Test
    void anOpenCircuitRejectsPollsWithoutCallingEsplora() {
        server.stubFor(get(urlEqualTo("/api/blocks/tip/height")).willReturn(serviceUnavailable()));
        BitcoinWatcherConfig config = new BitcoinWatcherConfig(server.baseUrl() + "/api", 6, 50, 10, 144,
                Duration.ofSeconds(5), 1, Duration.ofMillis(10), 50f, 2, Duration.ofMinutes(5));
        BitcoinWatcher watcher = new BitcoinWatcher(config, cursors, sink, watched, clock);

        assertThatThrownBy(watcher::poll).isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(watcher::poll).isInstanceOf(ChainUnavailableException.class);
        assertThatThrownBy(watcher::poll).isInstanceOf(ChainUnavailableException.class)
                .hasMessageContaining("circuit breaker is open");

        server.verify(2, getRequestedFor(urlEqualTo("/api/blocks/tip/height")));
        assertThat(cursors.load("bitcoin")).isEmpty();
    }

    @Test
    void readsRetryAfterAsSecondsOrAsAnHttpDate() {
        EsploraClient client = new EsploraClient(BitcoinWatcherConfig.local(server.baseUrl()), "t", clock);

        assertThat(client.retryAfter("120")).isEqualTo(Duration.ofSeconds(120));
        assertThat(client.retryAfter("Sat, 20 Apr 2024 00:51:30 GMT")).isEqualTo(Duration.ofSeconds(90));
        assertThat(client.retryAfter("soon")).isNull();
        assertThat(client.retryAfter(null)).isNull();
    }

    @Test
    void malformedJsonSurfacesAsUnavailableWithoutMovingTheCursor() {
        Cursor before = new Cursor(839990, H_SAFE, null, T0);
        cursors.save("bitcoin", before);
        tip(840010, H_TIP);
        txs(A, "<html>502 Bad Gateway</html>");

        assertThatThrownBy(watcher(50, 10)::poll).isInstanceOf(ChainUnavailableException.class);

        assertThat(cursors.load("bitcoin")).contains(before);
        assertThat(sink.observed).isEmpty();
    }

    @Test
    void aNewInstanceWithTheSameCursorsResumesTheSweepAndFollowsPendingTransfers() {
        watched.btc.add(B);
        tip(840007, H_TIP);
        txs(A, resource("address-txs-mempool.json"));
        txs(B, resource("address-txs-confirmed.json").replace(A, B));

        assertThat(watcher(1, 10).poll()).as("one address per poll: B is left").isTrue();
        assertThat(sink.observed).extracting(t -> t.key().txHash()).containsExactly(T_MEMPOOL);

        // "restart": a fresh instance, only the cursors survive
        assertThat(watcher(1, 10).poll()).isFalse();
        assertThat(sink.observed).extracting(t -> t.key().txHash()).containsExactly(T_MEMPOOL, T_PAY);
        assertThat(sink.observed.get(1).toAddress()).isEqualTo(B);
        server.verify(1, getRequestedFor(urlEqualTo("/api/address/" + A + "/txs")));
        server.verify(1, getRequestedFor(urlEqualTo("/api/address/" + B + "/txs")));
        assertThat(cursors.load("bitcoin").orElseThrow().height()).isEqualTo(840001);

        // the mempool transfer the first instance reported is followed by yet another instance
        txs(A, "[]");
        server.stubFor(get(urlEqualTo("/api/tx/" + T_MEMPOOL + "/status")).willReturn(notFound()));
        watcher(1, 10).poll();
        assertThat(sink.dropped).containsOnlyKeys(new TransferKey(Chain.BITCOIN, T_MEMPOOL, 0));
    }

    @Test
    void reportsAnOrphanedBlockBeforeTheNewTipAndTheTransferInItsNewBlock() {
        tip(840009, H_TIP);
        txs(A, resource("address-txs-mempool-confirmed.json"));
        BitcoinWatcher watcher = watcher(50, 10);
        watcher.poll();
        assertThat(cursors.rememberedBlock("bitcoin", 840008)).contains(H_840008);

        tip(840009, H_TIP_2); // same height, another block: a reorg
        server.stubFor(get(urlEqualTo("/api/block/" + H_840008 + "/status"))
                .willReturn(okJson(resource("block-status-orphaned.json"))));
        txs(A, resource("address-txs-mempool-reorged.json"));
        sink.events.clear();
        watcher.poll();

        assertThat(sink.events).containsExactly("orphaned:" + H_840008, "tip:840009",
                "observed:bitcoin:" + T_MEMPOOL + ":0");
        assertThat(sink.latest().get(new TransferKey(Chain.BITCOIN, T_MEMPOOL, 0)).blockHash()).isEqualTo(H_840008_FORK);
        assertThat(cursors.rememberedBlock("bitcoin", 840008)).contains(H_840008_FORK);

        // an unchanged tip needs no block checks
        server.resetRequests();
        watcher.poll();
        server.verify(0, getRequestedFor(urlPathMatching("/api/block/.*")));
        assertThat(sink.orphaned).containsExactly(H_840008);
    }

    @Test
    void configFactoriesPointAtBlockstreamOrALocalEsplora() {
        assertThat(BitcoinWatcherConfig.mainnet().baseUrl()).isEqualTo("https://blockstream.info/api");
        assertThat(BitcoinWatcherConfig.testnet().baseUrl()).isEqualTo("https://blockstream.info/testnet/api");
        assertThat(BitcoinWatcherConfig.local("http://127.0.0.1:3002/").baseUrl()).isEqualTo("http://127.0.0.1:3002");
        assertThat(BitcoinWatcherConfig.mainnet().reorgDepth()).isEqualTo(6);
        BitcoinWatcher w = new BitcoinWatcher(BitcoinWatcherConfig.mainnet(), cursors, sink, watched, clock);
        assertThat(w.name()).isEqualTo("bitcoin");
        assertThat(w.chain()).isEqualTo(Chain.BITCOIN);
        assertThat(w.asset()).isEqualTo(Asset.BTC);
    }

    // --- helpers

    BitcoinWatcher watcher(int maxAddressesPerPoll, int maxPagesPerAddress) {
        BitcoinWatcherConfig config = new BitcoinWatcherConfig(server.baseUrl() + "/api", 6, maxAddressesPerPoll,
                maxPagesPerAddress, 144, Duration.ofSeconds(5), 3, Duration.ofMillis(10), 50f, 20,
                Duration.ofSeconds(30));
        return new BitcoinWatcher(config, cursors, sink, watched, clock);
    }

    void tip(long height, String hash) {
        server.stubFor(get(urlEqualTo("/api/blocks/tip/height")).willReturn(text(Long.toString(height))));
        server.stubFor(get(urlEqualTo("/api/blocks/tip/hash")).willReturn(text(hash)));
    }

    void txs(String address, String body) {
        server.stubFor(get(urlEqualTo("/api/address/" + address + "/txs")).willReturn(okJson(body)));
    }

    void chain(String address, String lastSeen, String body) {
        server.stubFor(get(urlEqualTo("/api/address/" + address + "/txs/chain/" + lastSeen)).willReturn(okJson(body)));
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder text(String body) {
        return ok(body).withHeader("Content-Type", "text/plain");
    }

    /** {@code count} confirmed payments to A, one per block, newest first from {@code fromHeight}. */
    static List<String> page(long fromHeight, int count) {
        String template = resource("tx-confirmed-template.json");
        List<String> txs = new ArrayList<>();
        IntStream.range(0, count).mapToLong(i -> fromHeight - i).forEach(h -> txs.add(template
                .replace("${txid}", txid(h))
                .replace("${blockHash}", String.format("%064x", h * 7919))
                .replace("${height}", Long.toString(h))
                .replace("${time}", Long.toString(1713500000 - (840010 - h) * 600))
                .replace("${inputValue}", Long.toString(h + 51_000))
                .replace("${value}", Long.toString(h))));
        return txs;
    }

    static String txid(long height) {
        return String.format("%064x", 0xb7c0000000L + height);
    }

    static String json(List<String> txs) {
        return "[" + String.join(",", txs) + "]";
    }

    static String resource(String name) {
        try (InputStream in = BitcoinWatcherTest.class.getResourceAsStream("/wiremock/esplora/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub body " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
