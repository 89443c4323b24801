package dev.paymux.onchain.bitcoin;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.ChainWatcher;
import dev.paymux.core.chain.Cursor;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches Bitcoin through an Esplora HTTP API (Blockstream, mempool.space or a self-hosted one) for
 * payments to the watched BTC addresses.
 *
 * <p>Esplora is queried per address, not per block. Each poll reads the tip, checks the blocks it
 * reported transfers in for orphaning, then continues a <em>sweep</em>: the watched addresses in
 * ascending order, each one's mempool and confirmed history newest first, paged down to the cursor
 * height. When a sweep has visited every address, the cursor height moves up to the safe height (tip
 * minus {@link BitcoinWatcherConfig#reorgDepth()}) taken when it started. Transfers above the cursor
 * height are reported again on every sweep, which the sink tolerates; none is ever skipped.
 *
 * <p>Mempool transfers are reported with no block and remembered in the cursor until they confirm; one
 * that leaves the address's history and is unknown to Esplora ({@code /tx/{txid}/status} 404, or
 * {@code /tx/{txid}} 404) was replaced (RBF) or double-spent and is reported as dropped.
 */
public final class BitcoinWatcher implements ChainWatcher {

    /** Watcher name and cursor key. */
    public static final String NAME = "bitcoin";
    static final String DROP_REASON = "replaced or double-spent";
    /** Confirmed transactions per page of {@code /address/{a}/txs[/chain/{txid}]}, per Esplora's API. */
    static final int CHAIN_PAGE = 25;

    private static final Logger log = LoggerFactory.getLogger(BitcoinWatcher.class);

    private final BitcoinWatcherConfig config;
    private final ChainCursors cursors;
    private final TransferSink sink;
    private final WatchedAddresses watched;
    private final Clock clock;
    private final EsploraClient client;

    public BitcoinWatcher(BitcoinWatcherConfig config, ChainCursors cursors, TransferSink sink,
            WatchedAddresses watched, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.cursors = Objects.requireNonNull(cursors);
        this.sink = Objects.requireNonNull(sink);
        this.watched = Objects.requireNonNull(watched);
        this.clock = Objects.requireNonNull(clock);
        this.client = new EsploraClient(config, NAME, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Chain chain() {
        return Chain.BITCOIN;
    }

    /** The asset this watcher reports. */
    public Asset asset() {
        return Asset.BTC;
    }

    @Override
    public boolean poll() {
        Instant now = clock.instant();
        long tip = client.tipHeight();
        String tipHash = client.tipHash();
        Optional<Cursor> saved = cursors.load(NAME);
        SweepState state = SweepState.parse(saved.map(Cursor::position).orElse(null));
        long done = saved.map(Cursor::height)
                .orElse(Math.max(-1, tip - config.reorgDepth() - config.initialLookbackBlocks()));
        String doneHash = saved.map(Cursor::hash).orElse(null);

        // Orphans first: the sink must hear of them before a tip that would count their confirmations.
        if (!tipHash.equals(state.checkedTip)) {
            if (checkOrphans(done, tip)) {
                state.restartSweep(); // re-read every address now, to find the transfers' new blocks
            }
            state.checkedTip = tipHash;
        }
        sink.tip(Chain.BITCOIN, tip, null, now);

        if (state.sweepSafe == null) {
            long safe = Math.max(done, tip - config.reorgDepth());
            state.sweepSafe = safe;
            state.sweepSafeHash = safe == done ? doneHash : client.blockHashAt(safe).orElse(null);
        }

        Scan scan = new Scan(state, done, now, addresses(state));
        boolean more = scan.run();
        if (!more) {
            done = state.sweepSafe;
            doneHash = state.sweepSafeHash;
            state.restartSweep();
            cursors.forgetBlocks(NAME, Long.MAX_VALUE, done + 1);
        }
        cursors.save(NAME, new Cursor(done, doneHash, state.toJson(), now));
        return more;
    }

    /** Normalized address to the form the application watches, in sweep order. */
    private TreeMap<String, String> addresses(SweepState state) {
        TreeMap<String, String> all = new TreeMap<>();
        for (String a : watched.addresses(Asset.BTC)) {
            all.putIfAbsent(normalize(a), a);
        }
        // a pending mempool transfer is followed to its end even if its address is no longer watched
        for (SweepState.Pending p : state.pending) {
            all.putIfAbsent(p.address(), p.address());
        }
        return all;
    }

    /**
     * Checks the remembered blocks that may still be replaced; reports each orphaned one.
     *
     * @return true when a block was orphaned
     */
    private boolean checkOrphans(long done, long tip) {
        long from = Math.max(done, tip - 2L * config.reorgDepth()) + 1;
        long to = tip + config.reorgDepth(); // the tip may have dropped in a reorg to a shorter chain
        Map<Long, String> kept = new TreeMap<>();
        Long lowestOrphan = null;
        for (long h = from; h <= to; h++) {
            Optional<String> hash = cursors.rememberedBlock(NAME, h);
            if (hash.isEmpty()) {
                continue;
            }
            if (client.blockInBestChain(hash.get())) {
                kept.put(h, hash.get());
            } else {
                log.info("Bitcoin block {} at height {} left the best chain", hash.get(), h);
                sink.blockOrphaned(Chain.BITCOIN, hash.get());
                lowestOrphan = lowestOrphan == null ? h : Math.min(lowestOrphan, h);
            }
        }
        if (lowestOrphan == null) {
            return false;
        }
        cursors.forgetBlocks(NAME, lowestOrphan - 1, done + 1);
        for (Map.Entry<Long, String> e : kept.entrySet()) {
            if (e.getKey() >= lowestOrphan) {
                cursors.rememberBlock(NAME, e.getKey(), e.getValue());
            }
        }
        return true;
    }

    /** One poll's walk over the addresses, bounded by the per-poll limits. */
    private final class Scan {
        private final SweepState state;
        private final long done;
        private final Instant now;
        private final TreeMap<String, String> addresses;
        private final Set<String> remembered = new HashSet<>();

        Scan(SweepState state, long done, Instant now, TreeMap<String, String> addresses) {
            this.state = state;
            this.done = done;
            this.now = now;
            this.addresses = addresses;
        }

        /** @return true when the sweep is not finished yet */
        boolean run() {
            int budget = config.maxAddressesPerPoll();
            if (state.pagingAddress != null) {
                budget--;
                if (!resume(state.pagingAddress, state.pagingLastSeen)) {
                    return true;
                }
                finished(state.pagingAddress);
            }
            Map<String, String> rest = state.after == null ? addresses : addresses.tailMap(state.after, false);
            for (String address : rest.keySet()) {
                if (budget == 0) {
                    return true;
                }
                budget--;
                if (!fromTop(address)) {
                    return true;
                }
                finished(address);
            }
            return false;
        }

        private void finished(String address) {
            state.after = address;
            state.pagingAddress = null;
            state.pagingLastSeen = null;
        }

        /** Reads an address from its newest transactions; false when paging must continue next poll. */
        private boolean fromTop(String address) {
            List<EsploraTx> top;
            try {
                top = client.addressTxs(address);
            } catch (EsploraClient.InvalidAddress e) {
                log.warn("Skipping a BTC address Esplora does not accept: {}", e.getMessage());
                return true;
            }
            Set<String> listed = new HashSet<>();
            List<EsploraTx> confirmed = new ArrayList<>();
            for (EsploraTx tx : top) {
                listed.add(tx.txid());
                if (tx.status().confirmed()) {
                    confirmed.add(tx);
                    reportConfirmed(address, tx);
                } else {
                    reportMempool(address, tx);
                }
            }
            resolveMissing(address, listed);
            return pageDown(address, confirmed, 1);
        }

        /** Continues paging an address from the last txid seen in an earlier poll. */
        private boolean resume(String address, String lastSeen) {
            List<EsploraTx> page;
            try {
                page = client.addressChainTxs(address, lastSeen);
            } catch (EsploraClient.InvalidAddress e) {
                log.warn("Skipping a BTC address Esplora does not accept: {}", e.getMessage());
                return true;
            }
            if (page.isEmpty()) {
                // The end of the history, or lastSeen left the chain in a reorg (then Esplora finds
                // nothing after it): only a still-confirmed lastSeen proves the former.
                boolean stillConfirmed = client.txStatus(lastSeen).map(EsploraTx.Status::confirmed).orElse(false);
                return stillConfirmed || fromTop(address);
            }
            page.forEach(tx -> reportConfirmed(address, tx));
            return pageDown(address, page, 1);
        }

        /** Pages older confirmed history until it reaches the cursor height or its end. */
        private boolean pageDown(String address, List<EsploraTx> page, int pagesRead) {
            while (page.size() >= CHAIN_PAGE && oldestHeight(page) > done) {
                String lastSeen = page.get(page.size() - 1).txid();
                if (pagesRead >= config.maxPagesPerAddress()) {
                    state.pagingAddress = address;
                    state.pagingLastSeen = lastSeen;
                    return false;
                }
                page = client.addressChainTxs(address, lastSeen);
                pagesRead++;
                page.forEach(tx -> reportConfirmed(address, tx));
            }
            return true;
        }

        private long oldestHeight(List<EsploraTx> page) {
            long min = Long.MAX_VALUE;
            for (EsploraTx tx : page) {
                if (tx.status().blockHeight() != null) {
                    min = Math.min(min, tx.status().blockHeight());
                }
            }
            return min;
        }

        private void reportConfirmed(String address, EsploraTx tx) {
            EsploraTx.Status status = tx.status();
            if (!status.confirmed()) {
                return;
            }
            Instant blockTime = status.blockTime() == null ? now : Instant.ofEpochSecond(status.blockTime());
            boolean paid = false;
            for (int i = 0; i < tx.outputs().size(); i++) {
                EsploraTx.Output out = tx.outputs().get(i);
                if (pays(out, address)) {
                    sink.observed(transfer(tx.txid(), i, address, out.sats(), status.blockHeight(),
                            status.blockHash(), blockTime));
                    paid = true;
                }
            }
            state.removePending(address, tx.txid());
            if (paid && status.blockHeight() > done && remembered.add(status.blockHash())) {
                cursors.rememberBlock(NAME, status.blockHeight(), status.blockHash());
            }
        }

        private void reportMempool(String address, EsploraTx tx) {
            if (state.pending(address, tx.txid()) != null) {
                return; // reported on an earlier poll, and still waiting
            }
            List<Integer> vouts = new ArrayList<>();
            for (int i = 0; i < tx.outputs().size(); i++) {
                EsploraTx.Output out = tx.outputs().get(i);
                if (pays(out, address)) {
                    sink.observed(transfer(tx.txid(), i, address, out.sats(), null, null, now));
                    vouts.add(i);
                }
            }
            if (!vouts.isEmpty()) {
                state.pending.add(new SweepState.Pending(address, tx.txid(), vouts, now));
            }
        }

        /** Pending mempool transfers of this address that its history no longer lists. */
        private void resolveMissing(String address, Set<String> listed) {
            List<SweepState.Pending> missing = state.pending.stream()
                    .filter(p -> p.address().equals(address) && !listed.contains(p.txid())).toList();
            for (SweepState.Pending p : missing) {
                Optional<EsploraTx.Status> status = client.txStatus(p.txid());
                // some Esplora versions answer {"confirmed":false} for an unknown txid, so ask for the tx too
                Optional<EsploraTx> tx = status.isEmpty() ? Optional.empty() : client.tx(p.txid());
                if (tx.isEmpty()) {
                    if (status.isPresent() && status.get().confirmed()) {
                        continue; // inconsistent answers: ask again next poll
                    }
                    log.info("BTC mempool transaction {} to {} is gone: {}", p.txid(), address, DROP_REASON);
                    for (int vout : p.vouts()) {
                        sink.dropped(new TransferKey(Chain.BITCOIN, p.txid(), vout), DROP_REASON);
                    }
                    state.removePending(address, p.txid());
                } else if (tx.get().status().confirmed()) {
                    reportConfirmed(address, tx.get()); // confirmed below the first page of history
                }
                // else: still in the mempool, beyond the 50 Esplora lists; keep waiting
            }
        }

        private boolean pays(EsploraTx.Output out, String address) {
            return out.address() != null && out.sats() > 0 && normalize(out.address()).equals(address);
        }

        private ChainTransfer transfer(String txid, int vout, String address, long sats, Long height, String hash,
                Instant time) {
            return new ChainTransfer(new TransferKey(Chain.BITCOIN, txid, vout), Asset.BTC,
                    addresses.getOrDefault(address, address), BigDecimal.valueOf(sats, 8), height, hash, time);
        }
    }

    /** Bech32 addresses are case-insensitive (Esplora answers in lower case); base58 ones are not. */
    static String normalize(String address) {
        String a = address.strip();
        String lower = a.toLowerCase(Locale.ROOT);
        if (lower.startsWith("bc1") || lower.startsWith("tb1") || lower.startsWith("bcrt1")) {
            return lower;
        }
        return a;
    }
}
