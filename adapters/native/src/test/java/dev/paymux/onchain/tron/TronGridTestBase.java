package dev.paymux.onchain.tron;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.paymux.core.money.Asset;
import dev.paymux.onchain.MemoryCursors;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A WireMock TronGrid serving the documented response shapes stored under
 * {@code src/test/resources/wiremock/trongrid/}, plus in-memory cursors, sink and watched addresses.
 *
 * <p>The fixture chain: block 78,000,000 is the tip at {@link #T0} (blocks every 3 s), 77,999,981 the
 * latest solidified block. The watcher starts one hour before the tip.
 */
abstract class TronGridTestBase {

    static final long T0 = 1_767_225_600_000L;
    static final long START = T0 - 3_600_000L;
    static final long OVERLAP = Duration.ofMinutes(2).toMillis();

    static final String USDT = TronWatcherConfig.MAINNET_USDT;
    static final String A = "TJHF6AMScv4RY7kwcrDiGkAtxNbXqWXRsf";
    static final String B = "TMHUGkXy4QdrrqDrHxecQ9XjAFXoyZZVCg";
    static final String X = "TQRZFzJMzexPNL12pTpy1m49r6JNGGisWT";

    static final String TX1 = "709b55bd3da0f5a838125bd0ee20c5bfdd7caba173912d4281cae816b79a201b";
    static final String TX2 = "27ca64c092a959c7edc525ed45e845b1de6a7590d173fd2fad9133c8a779a1e3";
    static final String TX3 = "1f3cb18e896256d7d6bb8c11a6ec71f005c75de05e39beae5d93bbd1e2c8b7a9";
    static final String TX_USDC = "4eeec046a3dd7c8b1572ce73ea204dd2597c4b0f233b4fa811cf5d737a177f30";
    static final String TX_TO_X = "8f4d783f2c58dce7726ef5b0b347e1dba5ab5efd6cd0c60ed0a57cd8ed011e19";
    static final String TX4 = "41b637cfd9eb3e2f60f734f9ca44e5c1559c6f481d49d6ed6891f3e9a086ac78";
    static final String TX5 = "a8c0cce8bb067e91cf2766c26be4e5d7cfba3d3323dc19d08a834391a1ce5acf";
    static final String TX6 = "d20a624740ce1b7e2c74659bb291f665c021d202be02d13ce27feb067eeec837";
    static final String TX7 = "281b9dba10658c86d0c3c267b82b8972b6c7b41285f60ce2054211e69dd89e15";
    static final String TX8 = "df743dd1973e1c7d46968720b931af0afa8ec5e8412f9420006b7b4fa660ba8d";
    static final String TX9 = "3e812f40cd8e4ca3a92972610409922dedf1c0dbc68394fcb1c8f188a42655e2";

    static final String FINGERPRINT_B1 = "4gDbBsFQWtqzNGHVLdh8tjbGkQNMZbLrRxHuV3ZJYvrsRJtBzDUcjJ";
    static final String FINGERPRINT_B2 = "5hEcCtGRXurAOHIWMei9ukcHlROPacMsSyIvW4AKZwstSKuCaEVdkK";

    WireMockServer tronGrid;
    MemoryCursors cursors;
    TronRecordingSink sink;
    Set<String> watched;
    Clock clock;

    @BeforeEach
    void startTronGrid() {
        tronGrid = new WireMockServer(wireMockConfig().dynamicPort());
        tronGrid.start();
        cursors = new MemoryCursors();
        sink = new TronRecordingSink();
        watched = new CopyOnWriteArraySet<>();
        clock = Clock.fixed(Instant.ofEpochMilli(T0 + 1_500), ZoneOffset.UTC);
    }

    @AfterEach
    void stopTronGrid() {
        tronGrid.stop();
    }

    /** Defaults for tests: quick retries, a breaker that stays closed unless a test wants it open. */
    TronWatcherConfig config() {
        return TronWatcherConfig.of(tronGrid.baseUrl(), null, USDT)
                .withStartTimestamp(START)
                .withResilience(2, Duration.ofMillis(10), 50f, 100, Duration.ofSeconds(30));
    }

    TronWatcher watcher(TronWatcherConfig config) {
        return new TronWatcher(config, cursors, sink, asset -> asset == Asset.USDT_TRC20 ? Set.copyOf(watched)
                : Set.of(), clock);
    }

    TronWatcher watcher() {
        return watcher(config());
    }

    static String body(String file) {
        try (InputStream in = TronGridTestBase.class.getResourceAsStream("/wiremock/trongrid/" + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no stub body " + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseDefinitionBuilder json(String file) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body(file));
    }

    /** The tip and solidified block: the fixture's first (78,000,000 / 77,999,981) or a later pair. */
    void stubTip(String latestFile, String solidifiedFile) {
        tronGrid.stubFor(post(urlPathEqualTo("/wallet/getblock")).withRequestBody(equalToJson("{\"detail\":false}"))
                .willReturn(json(latestFile)));
        tronGrid.stubFor(post(urlPathEqualTo("/walletsolidity/getblock"))
                .withRequestBody(equalToJson("{\"detail\":false}")).willReturn(json(solidifiedFile)));
    }

    void stubTip() {
        stubTip("block-latest-78000000.json", "block-solid-77999981.json");
    }

    void stubBlocks(long... numbers) {
        for (long n : numbers) {
            tronGrid.stubFor(post(urlPathEqualTo("/wallet/getblock"))
                    .withRequestBody(matchingJsonPath("$.id_or_num", equalTo(Long.toString(n))))
                    .willReturn(json("block-" + n + ".json")));
        }
    }

    MappingBuilder trc20(String address, String fingerprint) {
        return get(urlPathEqualTo("/v1/accounts/" + address + "/transactions/trc20"))
                .withQueryParam("contract_address", equalTo(USDT))
                .withQueryParam("only_to", equalTo("true"))
                .withQueryParam("fingerprint", fingerprint == null ? absent() : equalTo(fingerprint));
    }

    void stubTransfers(String address, String file) {
        tronGrid.stubFor(trc20(address, null).willReturn(json(file)));
    }

    void stubInfo(String txId, String file) {
        tronGrid.stubFor(post(urlPathEqualTo("/wallet/gettransactioninfobyid"))
                .withRequestBody(matchingJsonPath("$.value", equalTo(txId))).willReturn(json(file)));
    }

    /** Address A's page: TX1 and TX2 pay A, TX3 pays 0, one USDC transfer and one to X are mixed in. */
    void stubAddressA() {
        stubTransfers(A, "trc20-A.json");
        stubInfo(TX1, "txinfo-tx1.json");
        stubInfo(TX2, "txinfo-tx2.json");
        stubInfo(TX3, "txinfo-tx3.json");
        stubBlocks(77_999_900, 77_999_990);
    }

    /** Address B's three pages: TX4, then TX5 (next page named only by meta.links.next), then TX6. */
    void stubAddressB() {
        tronGrid.stubFor(trc20(B, null).willReturn(json("trc20-B-page1.json")));
        tronGrid.stubFor(trc20(B, FINGERPRINT_B1).willReturn(json("trc20-B-page2.json")));
        tronGrid.stubFor(trc20(B, FINGERPRINT_B2).willReturn(json("trc20-B-page3.json")));
        stubInfo(TX4, "txinfo-tx4.json");
        stubInfo(TX5, "txinfo-tx5.json");
        stubInfo(TX6, "txinfo-tx6.json");
        stubBlocks(77_999_900, 77_999_990, 77_999_995);
    }

    static long blockTime(long number) {
        return T0 - (78_000_000L - number) * 3_000L;
    }

    String position() {
        return cursors.load(TronWatcher.NAME).orElseThrow().position();
    }
}
