package dev.paymux.onchain.bitcoin;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.money.Asset;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** In-memory stand-ins for the application's ports, for this package's tests. */
final class BitcoinTestDoubles {

    private BitcoinTestDoubles() {
    }

    /** Records every call in order. */
    static final class RecordingSink implements TransferSink {
        final List<ChainTransfer> observed = new ArrayList<>();
        final Map<TransferKey, String> dropped = new HashMap<>();
        final List<String> orphaned = new ArrayList<>();
        final List<Long> tips = new ArrayList<>();
        /** "observed:key", "dropped:key", "orphaned:hash", "tip:height" in call order. */
        final List<String> events = new ArrayList<>();

        @Override
        public void observed(ChainTransfer transfer) {
            observed.add(transfer);
            events.add("observed:" + transfer.key());
        }

        @Override
        public void dropped(TransferKey key, String reason) {
            dropped.put(key, reason);
            events.add("dropped:" + key);
        }

        @Override
        public void blockOrphaned(Chain chain, String blockHash) {
            orphaned.add(blockHash);
            events.add("orphaned:" + blockHash);
        }

        @Override
        public void tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at) {
            tips.add(tipHeight);
            events.add("tip:" + tipHeight);
        }

        /** The latest report per transfer key, as an idempotent sink would keep it. */
        Map<TransferKey, ChainTransfer> latest() {
            Map<TransferKey, ChainTransfer> m = new HashMap<>();
            observed.forEach(t -> m.put(t.key(), t));
            return m;
        }
    }

    static final class Watched implements WatchedAddresses {
        final Set<String> btc = new TreeSet<>();

        Watched(String... addresses) {
            btc.addAll(List.of(addresses));
        }

        @Override
        public Set<String> addresses(Asset asset) {
            return asset == Asset.BTC ? Set.copyOf(btc) : Set.of();
        }
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
