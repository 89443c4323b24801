package dev.paymux.onchain.tron;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.Cursor;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TronWatcherTest extends TronGridTestBase {

    @Test
    void reportsUsdtTransfersToWatchedAddressesWithExactAmountsBlocksAndLogIndex() {
        stubTip();
        stubAddressA();
        watched.add(A);

        boolean more = watcher().poll();

        assertThat(more).isFalse();
        assertThat(sink.transfers).hasSize(2);
        ChainTransfer first = sink.transfer(TX1, 0);
        assertThat(first.asset()).isEqualTo(Asset.USDT_TRC20);
        assertThat(first.toAddress()).isEqualTo(A);
        assertThat(first.amount()).isEqualTo(new BigDecimal("1.000000"));
        assertThat(first.blockHeight()).isEqualTo(77_999_900L);
        assertThat(first.blockHash()).isEqualTo("0000000004a62f1c236cd42d3b350fede3fcdb108cab2017f8b1bfefdc8012d9");
        assertThat(first.blockTime()).isEqualTo(Instant.ofEpochMilli(blockTime(77_999_900)));
        // TX2 first pays an unwatched address (log 0), then A (log 1), then A again in another token (log 2).
        ChainTransfer second = sink.transfer(TX2, 1);
        assertThat(second.amount()).isEqualTo(new BigDecimal("12.345678"));
        assertThat(second.blockHeight()).isEqualTo(77_999_990L);
        assertThat(second.blockHash()).isEqualTo("0000000004a62f76d25c4ad39836cd9e5cac25048f792ed40948b899b498e323");
        assertThat(second.inMempool()).isFalse();
    }

    @Test
    void ignoresOtherTokensUnwatchedRecipientsAndZeroValueSpam() {
        stubTip();
        stubAddressA();
        watched.add(A);

        watcher().poll();

        assertThat(sink.transfers.keySet()).extracting(k -> k.txHash() + ":" + k.index())
                .containsExactlyInAnyOrder(TX1 + ":0", TX2 + ":1");
        assertThat(sink.observations).noneMatch(t -> t.toAddress().equals(X));
        // The USDC item and the item to X are dropped from TronGrid's list without a lookup.
        tronGrid.verify(0, postRequestedFor(urlPathEqualTo("/wallet/gettransactioninfobyid"))
                .withRequestBody(matchingJsonPath("$.value", equalTo(TX_USDC))));
        tronGrid.verify(0, postRequestedFor(urlPathEqualTo("/wallet/gettransactioninfobyid"))
                .withRequestBody(matchingJsonPath("$.value", equalTo(TX_TO_X))));
    }

    @Test
    void reportsTipAndSolidifiedHeightAndAdvancesTheCursorBehindTheTip() {
        stubTip();
        stubAddressA();
        watched.add(A);

        watcher().poll();

        assertThat(sink.tips).containsExactly(
                new TronRecordingSink.Tip(Chain.TRON, 78_000_000L, 77_999_981L, clock.instant()));
        Cursor cursor = cursors.load("tron").orElseThrow();
        assertThat(cursor.position()).isEqualTo(Long.toString(T0 - OVERLAP));
        assertThat(cursor.height()).isEqualTo(78_000_000L);
        tronGrid.verify(getRequestedFor(urlPathEqualTo("/v1/accounts/" + A + "/transactions/trc20"))
                .withQueryParam("only_confirmed", equalTo("false"))
                .withQueryParam("min_timestamp", equalTo(Long.toString(START)))
                .withQueryParam("max_timestamp", equalTo(Long.toString(T0)))
                .withQueryParam("order_by", equalTo("block_timestamp,asc"))
                .withQueryParam("limit", equalTo("200")));
    }

    @Test
    void followsFingerprintPaginationOverThreePages() {
        stubTip();
        stubAddressB();
        watched.add(B);

        watcher().poll();

        assertThat(sink.transfers).hasSize(3);
        assertThat(sink.transfer(TX4, 0).amount()).isEqualTo(new BigDecimal("2.500000"));
        assertThat(sink.transfer(TX5, 0).amount()).isEqualTo(new BigDecimal("0.000100"));
        assertThat(sink.transfer(TX6, 0).amount()).isEqualTo(new BigDecimal("999999.999999"));
        assertThat(sink.transfer(TX6, 0).blockHeight()).isEqualTo(77_999_995L);
        String path = "/v1/accounts/" + B + "/transactions/trc20";
        tronGrid.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("fingerprint", absent()));
        tronGrid.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("fingerprint", equalTo(FINGERPRINT_B1)));
        tronGrid.verify(1, getRequestedFor(urlPathEqualTo(path)).withQueryParam("fingerprint", equalTo(FINGERPRINT_B2)));
    }

    @Test
    void aSecondInstanceWithTheSameCursorsResumesWithoutLosingTransfers() {
        stubTip();
        stubAddressA();
        watched.add(A);
        watcher().poll();
        String saved = position();

        // Later: the chain moved on; TronGrid now also lists TX7, indexed late with a block time before the
        // first instance's tip, and TX8 from after it.
        tronGrid.resetAll();
        stubTip("block-latest-78000100.json", "block-solid-78000081.json");
        stubTransfers(A, "trc20-A-resume.json");
        stubInfo(TX7, "txinfo-tx7.json");
        stubInfo(TX8, "txinfo-tx8.json");
        stubBlocks(77_999_995, 78_000_050);

        TronWatcher second = watcher();
        second.poll();

        assertThat(blockTime(77_999_995)).isBetween(Long.parseLong(saved), T0);
        assertThat(sink.transfer(TX7, 0).amount()).isEqualTo(new BigDecimal("3.000000"));
        assertThat(sink.transfer(TX8, 0).amount()).isEqualTo(new BigDecimal("4.200000"));
        assertThat(sink.transfers).containsKeys(sink.transfer(TX1, 0).key(), sink.transfer(TX2, 1).key());
        tronGrid.verify(getRequestedFor(urlPathEqualTo("/v1/accounts/" + A + "/transactions/trc20"))
                .withQueryParam("min_timestamp", equalTo(saved)));
        assertThat(position()).isEqualTo(Long.toString(blockTime(78_000_100) - OVERLAP));
        assertThat(sink.tips).last().extracting(TronRecordingSink.Tip::tipHeight, TronRecordingSink.Tip::finalizedHeight)
                .containsExactly(78_000_100L, 78_000_081L);
    }

    @Test
    void sendsTheApiKeyHeaderWhenConfigured() {
        stubTip();
        stubAddressA();
        watched.add(A);
        TronWatcherConfig base = config();
        TronWatcherConfig keyed = new TronWatcherConfig(base.baseUrl(), "test-key-123", base.usdtContract(),
                base.pageLimit(), base.maxPagesPerAddress(), base.startTimestamp(), base.lookback(), base.overlap(),
                base.maxWindow(), base.connectTimeout(), base.requestTimeout(), base.retryAttempts(),
                base.retryWait(), base.breakerFailureRate(), base.breakerWindow(), base.breakerOpenWait());

        watcher(keyed).poll();

        int requests = tronGrid.getAllServeEvents().size();
        assertThat(requests).isGreaterThanOrEqualTo(6);
        tronGrid.verify(requests, anyRequestedFor(anyUrl()).withHeader("TRON-PRO-API-KEY", equalTo("test-key-123")));
    }

    @Test
    void sendsNoApiKeyHeaderWithoutAKey() {
        stubTip();
        stubAddressA();
        watched.add(A);

        watcher().poll();

        tronGrid.verify(0, anyRequestedFor(anyUrl()).withHeader("TRON-PRO-API-KEY", com.github.tomakehurst.wiremock
                .client.WireMock.matching(".*")));
    }

    @Test
    void withNothingWatchedOnlyTheTipIsReadAndTheCursorStillAdvances() {
        stubTip();

        watcher().poll();

        assertThat(sink.transfers).isEmpty();
        assertThat(sink.tips).hasSize(1);
        assertThat(position()).isEqualTo(Long.toString(T0 - OVERLAP));
        tronGrid.verify(0, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
    }

    @Test
    void aTransactionTheNodeDoesNotKnowYetHoldsTheWatermarkUntilItCanBeRead() {
        stubTip();
        stubTransfers(A, "trc20-A-unknown.json");
        stubInfo(TX9, "txinfo-unknown.json");
        stubBlocks(77_999_995);
        watched.add(A);

        watcher().poll();

        assertThat(sink.transfers).isEmpty();
        assertThat(Long.parseLong(position())).isLessThanOrEqualTo(blockTime(77_999_995) - OVERLAP);

        stubInfo(TX9, "txinfo-tx9.json");
        watcher().poll();

        assertThat(sink.transfer(TX9, 0).amount()).isEqualTo(new BigDecimal("15.000000"));
        assertThat(position()).isEqualTo(Long.toString(T0 - OVERLAP));
    }

    @Test
    void aLongGapIsReadInBoundedWindowsAndReportsMoreWork() {
        stubTip();
        stubTransfers(A, "trc20-empty.json");
        watched.add(A);
        TronWatcherConfig windowed = config().withPaging(200, 10, Duration.ofMinutes(20));

        boolean more = watcher(windowed).poll();

        assertThat(more).isTrue();
        long windowEnd = START + Duration.ofMinutes(20).toMillis();
        assertThat(position()).isEqualTo(Long.toString(windowEnd - OVERLAP));
        tronGrid.verify(getRequestedFor(urlPathEqualTo("/v1/accounts/" + A + "/transactions/trc20"))
                .withQueryParam("max_timestamp", equalTo(Long.toString(windowEnd))));
    }

    @Test
    void aPageCapStopsAtTheLastTimestampReadAndReportsMoreWork() {
        stubTip();
        stubAddressB();
        watched.add(B);
        TronWatcherConfig capped = config().withPaging(1, 1, Duration.ofHours(6));

        boolean more = watcher(capped).poll();

        assertThat(more).isTrue();
        assertThat(sink.transfers.keySet()).extracting(k -> k.txHash()).containsExactly(TX4);
        assertThat(position()).isEqualTo(Long.toString(blockTime(77_999_900)));
    }

    @Test
    void aPageCapDoesNotCutANewestFirstListing() {
        stubTip();
        stubAddressB();
        tronGrid.stubFor(trc20(B, null).willReturn(json("trc20-B-desc-page1.json")));
        tronGrid.stubFor(trc20(B, "6iFdDuHSYvsBPIJXNfj0vldImSPQbdNtTzJwX5BLaxtuTLvDbFWelL")
                .willReturn(json("trc20-B-desc-page2.json")));
        watched.add(B);
        TronWatcherConfig capped = config().withPaging(2, 1, Duration.ofHours(6));

        boolean more = watcher(capped).poll();

        // Newest first, a cut after one page would leave TX4 (the oldest) unread behind the cursor.
        assertThat(more).isFalse();
        assertThat(sink.transfers.keySet()).extracting(k -> k.txHash()).containsExactlyInAnyOrder(TX4, TX5, TX6);
        assertThat(position()).isEqualTo(Long.toString(T0 - OVERLAP));
    }
}
