package dev.paymux.onchain.evm;

import static dev.paymux.onchain.evm.EvmTestDoubles.to;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.Cursor;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import dev.paymux.onchain.MemoryCursors;
import dev.paymux.onchain.evm.EvmTestDoubles.RecordingSink;
import dev.paymux.onchain.evm.EvmTestDoubles.Watched;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The watcher against a real local chain: a Hardhat node started for this class, with the committed
 * ERC-20 deployed on it. Every test watches fresh random addresses and starts at the current head, so
 * tests do not see each other's transfers. Polls are explicit; nothing waits on time.
 */
class EthereumWatcherTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T12:00:00Z"), ZoneOffset.UTC);

    private static HardhatNode node;
    private static LocalChain chain;
    private static String token;

    private final RecordingSink sink = new RecordingSink();
    private final MemoryCursors cursors = new MemoryCursors();
    private final Watched watched = new Watched();
    private final List<EthereumWatcher> watchers = new ArrayList<>();
    private long start;

    @BeforeAll
    static void startChain() throws Exception {
        node = HardhatNode.start();
        try {
            chain = new LocalChain(node.url());
            token = chain.deployToken(BigInteger.valueOf(1_000_000_000_000L));
        } catch (Exception | Error e) {
            stopChain();
            throw e;
        }
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @BeforeEach
    void startAtHead() throws Exception {
        start = chain.head();
    }

    @AfterEach
    void closeWatchers() {
        watchers.forEach(EthereumWatcher::close);
    }

    private EthereumWatcher watcher(int maxBlocksPerPoll) {
        return watcher(maxBlocksPerPoll, sink);
    }

    private EthereumWatcher watcher(int maxBlocksPerPoll, TransferSink sink) {
        EthereumWatcherConfig config = EthereumWatcherConfig.defaults(node.url())
                .withUsdtContract(token, 6)
                .withStartBlock(start)
                .withMaxBlocksPerPoll(maxBlocksPerPoll)
                .withRetry(2, Duration.ofMillis(10));
        EthereumWatcher watcher = new EthereumWatcher(config, cursors, sink, watched, CLOCK);
        watchers.add(watcher);
        return watcher;
    }

    private static int pollUntilCaughtUp(EthereumWatcher watcher) {
        int polls = 1;
        while (watcher.poll()) {
            polls++;
            assertThat(polls).as("polls before catching up").isLessThan(1_000);
        }
        return polls;
    }

    @Test
    void ethSentToWatchedAddressIsReportedWithAmountAndBlock() throws Exception {
        String watchedAddress = LocalChain.newAddress();
        String other = LocalChain.newAddress();
        watched.add(Asset.ETH, watchedAddress);
        TransactionReceipt paid = chain.sendEth(watchedAddress, new BigDecimal("1.5"));
        chain.sendEth(other, new BigDecimal("2"));

        pollUntilCaughtUp(watcher(100));

        assertThat(sink.observed).hasSize(1);
        ChainTransfer transfer = sink.observed.get(0);
        assertThat(transfer.key()).isEqualTo(new TransferKey(Chain.ETHEREUM, paid.getTransactionHash(), 0));
        assertThat(transfer.asset()).isEqualTo(Asset.ETH);
        assertThat(transfer.toAddress()).as("the watched set's own (checksummed) string").isEqualTo(watchedAddress);
        assertThat(transfer.amount()).isEqualTo(new BigDecimal("1.5"));
        assertThat(transfer.blockHeight()).isEqualTo(paid.getBlockNumber().longValueExact());
        assertThat(transfer.blockHash()).isEqualTo(paid.getBlockHash());
        assertThat(transfer.blockTime()).isAfter(Instant.parse("2020-01-01T00:00:00Z"));
    }

    @Test
    void usdtTransferToWatchedAddressIsReportedWithItsLogIndex() throws Exception {
        String watchedAddress = LocalChain.newAddress();
        String ethOnly = LocalChain.newAddress();
        watched.add(Asset.USDT_ERC20, watchedAddress).add(Asset.ETH, ethOnly);
        TransactionReceipt paid = chain.sendToken(token, watchedAddress, BigInteger.valueOf(12_500_000));
        chain.sendToken(token, LocalChain.newAddress(), BigInteger.valueOf(3_000_000));
        chain.sendToken(token, ethOnly, BigInteger.valueOf(4_000_000));

        pollUntilCaughtUp(watcher(100));

        assertThat(sink.observed).hasSize(1);
        ChainTransfer transfer = sink.observed.get(0);
        int logIndex = paid.getLogs().get(0).getLogIndex().intValueExact();
        assertThat(transfer.key()).isEqualTo(new TransferKey(Chain.ETHEREUM, paid.getTransactionHash(), logIndex));
        assertThat(transfer.asset()).isEqualTo(Asset.USDT_ERC20);
        assertThat(transfer.toAddress()).isEqualTo(watchedAddress);
        assertThat(transfer.amount()).isEqualTo(new BigDecimal("12.5"));
        assertThat(transfer.blockHeight()).isEqualTo(paid.getBlockNumber().longValueExact());
        assertThat(transfer.blockHash()).isEqualTo(paid.getBlockHash());
    }

    @Test
    void manyWatchedUsdtAddressesAreFilteredHereInsteadOfByTopic() throws Exception {
        String watchedAddress = LocalChain.newAddress();
        watched.add(Asset.USDT_ERC20, watchedAddress);
        for (int i = 0; i < 150; i++) { // more than the default 100 sent as a topic filter
            watched.add(Asset.USDT_ERC20, LocalChain.newAddress());
        }
        TransactionReceipt paid = chain.sendToken(token, watchedAddress, BigInteger.valueOf(1));
        chain.sendToken(token, LocalChain.newAddress(), BigInteger.valueOf(5));

        pollUntilCaughtUp(watcher(100));

        assertThat(sink.observed).singleElement().satisfies(t -> {
            assertThat(t.key().txHash()).isEqualTo(paid.getTransactionHash());
            assertThat(t.amount()).isEqualTo(new BigDecimal("0.000001"));
        });
    }

    @Test
    void pollsAreBoundedAndANewWatcherResumesFromTheCursor() throws Exception {
        String address = LocalChain.newAddress();
        watched.add(Asset.ETH, address);
        TransactionReceipt first = chain.sendEth(address, new BigDecimal("0.25"));
        chain.mine(4);

        EthereumWatcher bounded = watcher(2);
        assertThat(bounded.poll()).as("2 of 6 blocks read, more waiting").isTrue();
        assertThat(cursors.load(EthereumWatcher.NAME)).get().extracting(Cursor::height).isEqualTo(start + 1);
        pollUntilCaughtUp(bounded);
        assertThat(cursors.load(EthereumWatcher.NAME)).get().extracting(Cursor::height).isEqualTo(chain.head());
        assertThat(bounded.poll()).isFalse();
        bounded.close();

        EthereumWatcher restarted = watcher(2);
        assertThat(restarted.poll()).isFalse();
        TransactionReceipt second = chain.sendEth(address, new BigDecimal("0.75"));
        pollUntilCaughtUp(restarted);

        assertThat(sink.observed).extracting(t -> t.key().txHash())
                .containsExactly(first.getTransactionHash(), second.getTransactionHash());
        assertThat(sink.orphanedBlocks).isEmpty();
    }

    @Test
    void reorgOrphansTheTransfersBlockAndNeverReportsItAgain() throws Exception {
        String address = LocalChain.newAddress();
        watched.add(Asset.ETH, address).add(Asset.USDT_ERC20, address);
        EthereumWatcher watcher = watcher(100);
        pollUntilCaughtUp(watcher);

        String snapshot = chain.snapshot();
        TransactionReceipt paid = chain.sendEth(address, new BigDecimal("3"));
        TransactionReceipt paidUsdt = chain.sendToken(token, address, BigInteger.valueOf(7_000_000));
        pollUntilCaughtUp(watcher);
        assertThat(to(sink.observed, address)).extracting(ChainTransfer::blockHash)
                .containsExactly(paid.getBlockHash(), paidUsdt.getBlockHash());

        chain.revert(snapshot);
        chain.mine(5); // the other branch is longer, and holds neither transfer
        assertThat(chain.blockHash(paid.getBlockNumber().longValueExact())).isNotEqualTo(paid.getBlockHash());
        pollUntilCaughtUp(watcher);

        assertThat(sink.orphanedBlocks).containsExactlyInAnyOrder(paid.getBlockHash(), paidUsdt.getBlockHash());
        assertThat(sink.observed).hasSize(2);
        long head = chain.head();
        assertThat(cursors.load(EthereumWatcher.NAME)).get()
                .satisfies(c -> assertThat(c.height()).isEqualTo(head))
                .satisfies(c -> assertThat(c.hash()).isEqualTo(chain.blockHash(head)));
        assertThat(cursors.remembered(EthereumWatcher.NAME))
                .doesNotContainValue(paid.getBlockHash())
                .containsEntry(paid.getBlockNumber().longValueExact(),
                        chain.blockHash(paid.getBlockNumber().longValueExact()));
    }

    @Test
    void blockReportedBeforeACrashIsOrphanedWhenTheChainMovesAwayFromIt() throws Exception {
        String address = LocalChain.newAddress();
        watched.add(Asset.ETH, address);
        pollUntilCaughtUp(watcher(100));
        Cursor beforeCrash = cursors.load(EthereumWatcher.NAME).orElseThrow();

        String snapshot = chain.snapshot();
        TransactionReceipt paid = chain.sendEth(address, new BigDecimal("0.5"));
        EthereumWatcher crashing = watcher(100, new TransferSink() {
            @Override
            public void observed(ChainTransfer transfer) {
                sink.observed(transfer);
                throw new IllegalStateException("the application died after storing the observation");
            }

            @Override
            public void dropped(TransferKey key, String reason) {
                sink.dropped(key, reason);
            }

            @Override
            public void blockOrphaned(Chain chain, String blockHash) {
                sink.blockOrphaned(chain, blockHash);
            }

            @Override
            public void tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at) {
                sink.tip(chain, tipHeight, finalizedHeight, at);
            }
        });
        assertThatThrownBy(crashing::poll).isInstanceOf(IllegalStateException.class);
        assertThat(cursors.load(EthereumWatcher.NAME)).contains(beforeCrash);
        assertThat(sink.observed).hasSize(1);

        chain.revert(snapshot);
        chain.mine(2);
        pollUntilCaughtUp(watcher(100));

        assertThat(sink.orphanedBlocks).containsExactly(paid.getBlockHash());
        assertThat(sink.observed).hasSize(1);
    }

    @Test
    void tipIsReportedAfterEveryPoll() throws Exception {
        chain.mine(3);
        EthereumWatcher watcher = watcher(100);

        pollUntilCaughtUp(watcher);
        int tips = sink.tips.size();
        assertThat(watcher.poll()).isFalse();

        assertThat(sink.tips).hasSize(tips + 1);
        EvmTestDoubles.Tip tip = sink.lastTip();
        assertThat(tip.chain()).isEqualTo(Chain.ETHEREUM);
        assertThat(tip.height()).isEqualTo(chain.head());
        assertThat(tip.finalized()).as("Hardhat answers the finalized tag").isNotNull()
                .isLessThanOrEqualTo(tip.height());
        assertThat(tip.at()).isEqualTo(CLOCK.instant());
    }

    @Test
    void onlyTheConfiguredNumberOfBlocksIsRememberedAndThePruningKeepsTheRecentOnes() throws Exception {
        chain.mine(140);
        EthereumWatcher watcher = watcher(100);

        pollUntilCaughtUp(watcher);

        long head = chain.head();
        assertThat(cursors.remembered(EthereumWatcher.NAME)).hasSize(128)
                .containsKey(head).containsKey(head - 127).doesNotContainKey(head - 128);
    }
}
