package dev.paymux.onchain.evm;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.ChainUnavailableException;
import dev.paymux.core.chain.ChainWatcher;
import dev.paymux.core.chain.Cursor;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.money.Asset;
import dev.paymux.onchain.evm.EvmTransfers.Block;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/**
 * Watches Ethereum over JSON-RPC for native ETH sent to watched {@link Asset#ETH} addresses (top-level
 * transactions of each block) and for USDT {@code Transfer} logs to watched {@link Asset#USDT_ERC20}
 * addresses. Transfers are reported as soon as their block is read (the sink counts confirmations from
 * {@link TransferSink#tip}); {@code toAddress} is the exact string the {@link WatchedAddresses} gave,
 * matched case-insensitively.
 *
 * <p>Each poll first reads everything it needs (head, finalized block, up to {@code maxBlocksPerPoll}
 * blocks, their logs and the receipts of candidate ETH transfers), then applies block by block: remember
 * the block's hash, report its transfers, save the cursor. A failed read therefore leaves the cursor
 * where it was. A block whose parent hash differs from the remembered hash below it means a reorg: the
 * watcher walks back to the fork point, reports every orphaned block to the sink and continues from the
 * fork point.
 */
public final class EthereumWatcher implements ChainWatcher, AutoCloseable {

    /** The watcher's name, also its cursor key. */
    public static final String NAME = "ethereum";

    private static final Logger log = LoggerFactory.getLogger(EthereumWatcher.class);

    private final EthereumWatcherConfig config;
    private final ChainCursors cursors;
    private final TransferSink sink;
    private final WatchedAddresses addresses;
    private final Clock clock;
    private final EthereumRpc rpc;

    public EthereumWatcher(EthereumWatcherConfig config, ChainCursors cursors, TransferSink sink,
            WatchedAddresses addresses, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.cursors = Objects.requireNonNull(cursors);
        this.sink = Objects.requireNonNull(sink);
        this.addresses = Objects.requireNonNull(addresses);
        this.clock = Objects.requireNonNull(clock);
        this.rpc = new EthereumRpc(NAME, config);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Chain chain() {
        return Chain.ETHEREUM;
    }

    @Override
    public boolean poll() {
        long head = rpc.blockNumber();
        Long finalized = rpc.finalizedHeight();
        Optional<Cursor> cursor = cursors.load(NAME);
        long from = cursor.map(c -> c.height() + 1).orElseGet(() -> firstBlock(head));
        if (from > head) {
            // Caught up, or a node behind the one we read before (load-balanced endpoints): wait for it.
            return tip(head, finalized, false);
        }
        Map<String, String> eth = EvmTransfers.byLowerCase(addresses.addresses(Asset.ETH));
        Map<String, String> usdt = EvmTransfers.byLowerCase(addresses.addresses(Asset.USDT_ERC20));

        long to = Math.min(head, from + config.maxBlocksPerPoll() - 1);
        List<EthBlock.Block> blocks = new ArrayList<>();
        String parent = cursor.map(Cursor::hash).orElse(null);
        for (long h = from; h <= to; h++) {
            EthBlock.Block block = rpc.block(h, !eth.isEmpty());
            if (block == null) {
                break;
            }
            if (parent != null && !parent.equalsIgnoreCase(block.getParentHash())) {
                if (blocks.isEmpty()) {
                    undoReorg(cursor.orElseThrow());
                    return tip(head, finalized, true);
                }
                break; // the chain changed while we read it: apply the consistent part, check again next poll
            }
            blocks.add(block);
            parent = block.getHash();
        }
        Map<Long, List<Log>> logs = blocks.isEmpty() || usdt.isEmpty()
                ? Map.of()
                : logsByHeight(from, blocks.get(blocks.size() - 1).getNumber().longValueExact(), usdt);
        blocks = consistentWithLogs(blocks, logs);
        if (blocks.isEmpty()) {
            return tip(head, finalized, false);
        }
        Map<String, Boolean> succeeded = new HashMap<>();
        for (EthBlock.Block block : blocks) {
            for (Transaction tx : EvmTransfers.ethCandidates(block, eth)) {
                succeeded.put(tx.getHash(), rpc.succeeded(tx.getHash()));
            }
        }

        // Everything is read: apply block by block, so a crash leaves a cursor no later than what was reported.
        for (EthBlock.Block raw : blocks) {
            Block block = Block.of(raw);
            orphanStaleBlockAt(block);
            cursors.rememberBlock(NAME, block.height(), block.hash());
            for (Transaction tx : EvmTransfers.ethCandidates(raw, eth)) {
                if (succeeded.get(tx.getHash())) {
                    sink.observed(EvmTransfers.ethTransfer(tx, eth, block));
                }
            }
            for (Log l : logs.getOrDefault(block.height(), List.of())) {
                EvmTransfers.tokenTransfer(l, config.usdtContract(), config.usdtDecimals(), usdt, block)
                        .ifPresent(sink::observed);
            }
            cursors.save(NAME, new Cursor(block.height(), block.hash(), null, clock.instant()));
        }
        long last = blocks.get(blocks.size() - 1).getNumber().longValueExact();
        cursors.forgetBlocks(NAME, Long.MAX_VALUE, last - config.rememberBlocks() + 1);
        return tip(head, finalized, last < head);
    }

    private long firstBlock(long head) {
        if (config.startBlock() != null) {
            return config.startBlock();
        }
        return Math.max(0, head - config.lookback());
    }

    private Map<Long, List<Log>> logsByHeight(long from, long to, Map<String, String> usdt) {
        List<String> toTopics = usdt.size() <= config.topicFilterMaxAddresses()
                ? usdt.keySet().stream().sorted().map(EvmTransfers::addressTopic).toList()
                : null;
        Map<Long, List<Log>> byHeight = new TreeMap<>();
        for (Log l : rpc.transferLogs(from, to, config.usdtContract(), toTopics, EvmTransfers.TRANSFER_TOPIC)) {
            if (!l.isRemoved() && l.getBlockNumber() != null) {
                byHeight.computeIfAbsent(l.getBlockNumber().longValueExact(), h -> new ArrayList<>()).add(l);
            }
        }
        return byHeight;
    }

    /** Keeps the blocks below the first one whose logs came from another fork than the block we read. */
    private static List<EthBlock.Block> consistentWithLogs(List<EthBlock.Block> blocks, Map<Long, List<Log>> logs) {
        for (int i = 0; i < blocks.size(); i++) {
            EthBlock.Block block = blocks.get(i);
            for (Log l : logs.getOrDefault(block.getNumber().longValueExact(), List.of())) {
                if (!block.getHash().equalsIgnoreCase(l.getBlockHash())) {
                    return blocks.subList(0, i);
                }
            }
        }
        return blocks;
    }

    /**
     * A block remembered at this height with another hash was reported before the cursor was saved (a
     * crash in between) and has since left the chain.
     */
    private void orphanStaleBlockAt(Block block) {
        cursors.rememberedBlock(NAME, block.height())
                .filter(hash -> !hash.equalsIgnoreCase(block.hash()))
                .ifPresent(hash -> sink.blockOrphaned(Chain.ETHEREUM, hash));
    }

    /**
     * The block after the cursor does not build on it: walk down until the remembered hash is the chain's
     * again (the fork point), report every remembered block above it as orphaned, forget them and move the
     * cursor to the fork point. All reads happen before anything is reported.
     */
    private void undoReorg(Cursor cursor) {
        List<String> orphaned = new ArrayList<>();
        // A block remembered above the cursor (crash before its cursor save) built on an orphaned block.
        cursors.rememberedBlock(NAME, cursor.height() + 1).ifPresent(orphaned::add);
        long fork = cursor.height();
        String forkHash;
        while (true) {
            String known = fork == cursor.height()
                    ? EvmTransfers.lower(cursor.hash())
                    : cursors.rememberedBlock(NAME, fork).map(EvmTransfers::lower).orElse(null);
            EthBlock.Block canonical = rpc.block(fork, false);
            if (canonical == null) {
                throw new ChainUnavailableException(NAME + ": node has no block " + fork + " below its head", null,
                        null);
            }
            if (known == null) {
                log.warn("{}: reorg deeper than the {} remembered blocks; assuming block {} is common", NAME,
                        config.rememberBlocks(), fork);
                forkHash = EvmTransfers.lower(canonical.getHash());
                break;
            }
            if (known.equalsIgnoreCase(canonical.getHash())) {
                forkHash = known;
                break;
            }
            orphaned.add(known);
            if (fork == 0) {
                throw new IllegalStateException(NAME + ": genesis block differs, " + config.rpcUrl()
                        + " serves another chain than the cursor was made on");
            }
            fork--;
        }
        if (fork == cursor.height()) {
            // The cursor's block is still the chain's, yet the next one does not name it as parent: the
            // node is inconsistent (or mid-update). Back off instead of undoing nothing in a loop.
            throw new ChainUnavailableException(NAME + ": block " + (cursor.height() + 1)
                    + " does not build on block " + cursor.height() + ", which is still canonical", null, null);
        }
        log.info("{}: reorg below block {}, fork point {}, {} block(s) orphaned", NAME, cursor.height() + 1, fork,
                orphaned.size());
        for (String hash : orphaned) {
            sink.blockOrphaned(Chain.ETHEREUM, hash);
        }
        cursors.forgetBlocks(NAME, fork, 0);
        cursors.save(NAME, new Cursor(fork, forkHash, null, clock.instant()));
    }

    private boolean tip(long head, Long finalized, boolean more) {
        sink.tip(Chain.ETHEREUM, head, finalized, clock.instant());
        return more;
    }

    /** Releases the HTTP client. */
    @Override
    public void close() {
        rpc.close();
    }
}
