package dev.paymux.onchain.evm;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.money.Asset;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** In-memory stand-ins for the application's ports, recording what the watcher did. */
final class EvmTestDoubles {

    private EvmTestDoubles() {
    }

    record Tip(Chain chain, long height, Long finalized, Instant at) {
    }

    static final class RecordingSink implements TransferSink {
        final List<ChainTransfer> observed = new CopyOnWriteArrayList<>();
        final List<String> orphanedBlocks = new CopyOnWriteArrayList<>();
        final List<TransferKey> dropped = new CopyOnWriteArrayList<>();
        final List<Tip> tips = new CopyOnWriteArrayList<>();

        @Override
        public void observed(ChainTransfer transfer) {
            observed.add(transfer);
        }

        @Override
        public void dropped(TransferKey key, String reason) {
            dropped.add(key);
        }

        @Override
        public void blockOrphaned(Chain chain, String blockHash) {
            orphanedBlocks.add(blockHash);
        }

        @Override
        public void tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at) {
            tips.add(new Tip(chain, tipHeight, finalizedHeight, at));
        }

        int calls() {
            return observed.size() + orphanedBlocks.size() + dropped.size() + tips.size();
        }

        Tip lastTip() {
            return tips.get(tips.size() - 1);
        }
    }

    static final class Watched implements WatchedAddresses {
        private final Map<Asset, Set<String>> addresses = new EnumMap<>(Asset.class);

        Watched add(Asset asset, String address) {
            synchronized (addresses) {
                addresses.computeIfAbsent(asset, a -> new HashSet<>()).add(address);
            }
            return this;
        }

        @Override
        public Set<String> addresses(Asset asset) {
            synchronized (addresses) {
                return Set.copyOf(addresses.getOrDefault(asset, Set.of()));
            }
        }
    }

    static List<ChainTransfer> to(List<ChainTransfer> observed, String address) {
        List<ChainTransfer> matching = new ArrayList<>();
        for (ChainTransfer t : observed) {
            if (t.toAddress().equals(address)) {
                matching.add(t);
            }
        }
        return matching;
    }
}
