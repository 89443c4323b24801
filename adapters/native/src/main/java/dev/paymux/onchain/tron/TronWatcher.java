package dev.paymux.onchain.tron;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.ChainUnavailableException;
import dev.paymux.core.chain.ChainWatcher;
import dev.paymux.core.chain.Cursor;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.money.Asset;
import dev.paymux.onchain.tron.TronGridClient.BlockHeader;
import dev.paymux.onchain.tron.TronGridClient.Log;
import dev.paymux.onchain.tron.TronGridClient.Trc20Item;
import dev.paymux.onchain.tron.TronGridClient.Trc20Page;
import dev.paymux.onchain.tron.TronGridClient.TxInfo;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches TRON for USDT (TRC-20) transfers to the watched {@link Asset#USDT_TRC20} addresses through
 * the TronGrid HTTP API.
 *
 * <p>One poll: read the latest and the latest solidified block; for every watched address, page
 * through TronGrid's TRC-20 history ({@code /v1/accounts/{a}/transactions/trc20}, incoming USDT only,
 * confirmed and unconfirmed) for block timestamps from the cursor's watermark to the tip; look up each
 * listed transaction on the node ({@code /wallet/gettransactioninfobyid}) for its block number and its
 * event logs, whose position gives each transfer a real, stable index; look up the block id of each
 * block found ({@code /wallet/getblock}); report the transfers and the tip; then save the watermark,
 * a little behind what was read, so a transfer indexed late is still found. Any API failure throws
 * {@link ChainUnavailableException} before the cursor moves, so nothing is skipped.
 *
 * <p>Transfers are always reported with their block: TronGrid lists a transfer once it is in a block
 * ("unconfirmed" there means not yet solidified). The sink counts confirmations from {@code tip()};
 * at or below the solidified height a transfer is final.
 */
public final class TronWatcher implements ChainWatcher {

    /** The watcher's name, also its cursor key. */
    public static final String NAME = "tron";

    /** keccak256("Transfer(address,address,uint256)"), topic 0 of a TRC-20 transfer log. */
    static final String TRANSFER_TOPIC = "ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private static final Logger log = LoggerFactory.getLogger(TronWatcher.class);
    private static final int CACHE_SIZE = 10_000;

    private final TronWatcherConfig config;
    private final ChainCursors cursors;
    private final TransferSink sink;
    private final WatchedAddresses watched;
    private final Clock clock;
    private final TronGridClient client;
    private final String usdtHex;
    // Solidified data cannot change any more, so it is kept to save requests on the re-read overlap. A
    // fresh instance simply fetches it again: the cursor alone is enough to resume.
    private final Map<String, TxInfo> solidTxs = lru();
    private final Map<Long, String> solidBlockIds = lru();
    private final Set<String> warnedAddresses = new HashSet<>();

    public TronWatcher(TronWatcherConfig config, ChainCursors cursors, TransferSink sink, WatchedAddresses watched,
            Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.cursors = Objects.requireNonNull(cursors);
        this.sink = Objects.requireNonNull(sink);
        this.watched = Objects.requireNonNull(watched);
        this.clock = Objects.requireNonNull(clock);
        this.client = new TronGridClient(config, clock);
        this.usdtHex = TronAddress.toHex(config.usdtContract()).orElseThrow();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Chain chain() {
        return Chain.TRON;
    }

    @Override
    public boolean poll() {
        BlockHeader tip = client.latestBlock();
        BlockHeader solid = client.solidifiedBlock();
        long from = cursors.load(NAME).map(TronWatcher::position).orElseGet(this::initialPosition);
        long end = Math.max(from, Math.min(tip.timestamp(), saturatedAdd(from, config.maxWindow().toMillis())));
        Set<String> addresses = watchedAddresses();

        Pass pass = new Pass(end);
        for (String address : addresses) {
            scan(address, from, end, pass);
        }
        if (pass.capped && pass.scanEnd <= from) {
            throw new ChainUnavailableException("TRON watcher cannot advance past " + from + " with "
                    + config.maxPagesPerAddress() + " pages per address; raise maxPagesPerAddress", null, null);
        }
        List<ChainTransfer> found = resolve(pass, addresses, solid);

        found.forEach(sink::observed);
        sink.tip(Chain.TRON, tip.number(), solid.number(), clock.instant());
        // Step back by the overlap to catch transfers TronGrid indexes after this read. A capped scan far
        // enough behind the tip (where nothing arrives late) resumes at its last timestamp instead.
        long overlap = config.overlap().toMillis();
        long next = pass.capped && pass.scanEnd <= tip.timestamp() - overlap ? pass.scanEnd : pass.scanEnd - overlap;
        if (pass.heldAt != Long.MAX_VALUE) {
            next = Math.min(next, pass.heldAt - overlap);
        }
        next = Math.max(from, next);
        cursors.save(NAME, new Cursor(tip.number(), tip.id(), Long.toString(next), clock.instant()));
        log.debug("tron poll {}..{}: {} transfers, tip {} solidified {}, next from {}", from, end, found.size(),
                tip.number(), solid.number(), next);
        return pass.capped || end < tip.timestamp();
    }

    /** What one poll collected: listed transactions and how far everything is known to be read. */
    private static final class Pass {
        final Map<String, Listed> txs = new LinkedHashMap<>();
        /** Everything listed up to here was read: the window's end, or less when paging was capped. */
        long scanEnd;
        boolean capped;
        /** The earliest block timestamp of a listed transaction the node could not show yet. */
        long heldAt = Long.MAX_VALUE;

        Pass(long end) {
            this.scanEnd = end;
        }
    }

    /** A transaction TronGrid listed for a watched address, with the token decimals it gave. */
    private record Listed(long blockTimestamp, int decimals) {
    }

    private void scan(String address, long from, long end, Pass pass) {
        String fingerprint = null;
        int pages = 0;
        long previous = Long.MIN_VALUE;
        boolean ascending = true;
        do {
            Trc20Page page = client.incomingTransfers(address, from, end, fingerprint);
            pages++;
            for (Trc20Item item : page.items()) {
                ascending &= item.blockTimestamp() >= previous;
                previous = item.blockTimestamp();
                if (isIncomingUsdt(item, address)) {
                    int decimals = item.decimals() != null ? item.decimals() : Asset.USDT_TRC20.decimals();
                    pass.txs.merge(item.txId().toLowerCase(Locale.ROOT), new Listed(item.blockTimestamp(), decimals),
                            (a, b) -> a.blockTimestamp() <= b.blockTimestamp() ? a : b);
                }
            }
            fingerprint = page.nextFingerprint();
            if (fingerprint != null && pages >= config.maxPagesPerAddress()) {
                if (ascending) {
                    // Oldest first, as asked: everything up to the last listed timestamp has been read.
                    pass.scanEnd = Math.min(pass.scanEnd, previous);
                    pass.capped = true;
                    return;
                }
                // Newest first (order_by not honoured): stopping now would leave the oldest part unread, so
                // read on; maxWindow still bounds the poll.
                if (pages == config.maxPagesPerAddress()) {
                    log.warn("TronGrid returned {}'s transfers newest first; reading past the page cap", address);
                }
            }
        } while (fingerprint != null);
    }

    private boolean isIncomingUsdt(Trc20Item item, String address) {
        return address.equals(item.to())
                && (item.tokenAddress() == null || config.usdtContract().equals(item.tokenAddress()))
                && (item.type() == null || "Transfer".equals(item.type()));
    }

    private List<ChainTransfer> resolve(Pass pass, Set<String> addresses, BlockHeader solid) {
        Map<TransferKey, ChainTransfer> found = new LinkedHashMap<>();
        Map<Long, String> blockIds = new HashMap<>();
        for (Map.Entry<String, Listed> e : pass.txs.entrySet()) {
            String txId = e.getKey();
            Listed listed = e.getValue();
            Optional<TxInfo> info = txInfo(txId, solid);
            if (info.isEmpty()) {
                if (listed.blockTimestamp() > solid.timestamp()) {
                    // The node has not seen it yet: hold the watermark before it and look again next poll.
                    pass.heldAt = Math.min(pass.heldAt, listed.blockTimestamp());
                    log.info("tron tx {} listed by TronGrid but unknown to the node yet; will retry", txId);
                } else {
                    log.warn("tron tx {} listed by TronGrid is not on the chain (older than the solidified block); "
                            + "ignored", txId);
                }
                continue;
            }
            TxInfo tx = info.get();
            if (!tx.txId().equalsIgnoreCase(txId)) {
                throw new ChainUnavailableException("TronGrid answered transaction " + tx.txId() + " for " + txId,
                        null, null);
            }
            if (tx.failed()) {
                continue;
            }
            String blockId = blockIds.computeIfAbsent(tx.blockNumber(), n -> blockId(n, solid));
            for (ChainTransfer t : transfers(txId, tx, blockId, addresses, listed.decimals())) {
                found.putIfAbsent(t.key(), t);
            }
        }
        return new ArrayList<>(found.values());
    }

    /** The USDT transfer logs of {@code tx} that pay a watched address, indexed by log position. */
    private List<ChainTransfer> transfers(String txId, TxInfo tx, String blockId, Set<String> addresses,
            int decimals) {
        List<ChainTransfer> out = new ArrayList<>();
        try {
            for (int i = 0; i < tx.logs().size(); i++) {
                Log l = tx.logs().get(i);
                if (!usdtHex.equals(account(l.address())) || l.topics().size() < 3
                        || !TRANSFER_TOPIC.equals(strip0x(l.topics().get(0)))) {
                    continue;
                }
                String to = TronAddress.fromHex(l.topics().get(2));
                String data = strip0x(l.data());
                if (!addresses.contains(to) || data.isEmpty()) {
                    continue;
                }
                BigInteger value = new BigInteger(data, 16);
                if (value.signum() <= 0) {
                    // Zero-value transfers (address-poisoning spam) pay nothing.
                    continue;
                }
                out.add(new ChainTransfer(new TransferKey(Chain.TRON, txId, i), Asset.USDT_TRC20, to,
                        new BigDecimal(value, decimals), tx.blockNumber(), blockId,
                        Instant.ofEpochMilli(tx.blockTimestamp())));
            }
        } catch (IllegalArgumentException e) {
            throw new ChainUnavailableException("malformed event log in tron tx " + txId + ": " + e.getMessage(),
                    null, e);
        }
        return out;
    }

    private Optional<TxInfo> txInfo(String txId, BlockHeader solid) {
        TxInfo cached = solidTxs.get(txId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<TxInfo> info = client.transactionInfo(txId);
        info.filter(i -> i.blockNumber() <= solid.number()).ifPresent(i -> solidTxs.put(txId, i));
        return info;
    }

    private String blockId(long number, BlockHeader solid) {
        String cached = solidBlockIds.get(number);
        if (cached != null) {
            return cached;
        }
        String id = client.block(number).id();
        if (number <= solid.number()) {
            solidBlockIds.put(number, id);
        }
        return id;
    }

    private Set<String> watchedAddresses() {
        Set<String> valid = new TreeSet<>();
        for (String a : watched.addresses(Asset.USDT_TRC20)) {
            String address = a == null ? "" : a.strip();
            if (TronAddress.toBytes(address).isPresent()) {
                valid.add(address);
            } else if (warnedAddresses.add(address)) {
                log.warn("ignoring watched USDT_TRC20 address that is not a TRON address: '{}'", address);
            }
        }
        return valid;
    }

    private long initialPosition() {
        return config.startTimestamp() != null
                ? config.startTimestamp()
                : clock.millis() - config.lookback().toMillis();
    }

    private static long position(Cursor cursor) {
        try {
            return Long.parseLong(cursor.position());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalStateException("tron cursor position is not a timestamp: " + cursor.position(), e);
        }
    }

    private static String account(String hex) {
        String h = strip0x(hex);
        return h.length() == 42 && h.startsWith("41") ? h.substring(2) : h;
    }

    private static String strip0x(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        return h.startsWith("0x") ? h.substring(2) : h;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? Long.MAX_VALUE : r;
    }

    private static <K, V> Map<K, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > CACHE_SIZE;
            }
        };
    }
}
