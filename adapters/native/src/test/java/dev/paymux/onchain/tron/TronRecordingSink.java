package dev.paymux.onchain.tron;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * In-memory {@link TransferSink} for the TRON watcher tests. Like the real one it is idempotent: the
 * latest observation per key wins, and every call is also kept in order for assertions.
 */
final class TronRecordingSink implements TransferSink {

    record Tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at) {
    }

    final Map<TransferKey, ChainTransfer> transfers = new LinkedHashMap<>();
    final List<ChainTransfer> observations = new ArrayList<>();
    final List<TransferKey> dropped = new ArrayList<>();
    final List<Tip> tips = new ArrayList<>();

    @Override
    public synchronized void observed(ChainTransfer transfer) {
        observations.add(transfer);
        transfers.put(transfer.key(), transfer);
    }

    @Override
    public synchronized void dropped(TransferKey key, String reason) {
        dropped.add(key);
        transfers.remove(key);
    }

    @Override
    public synchronized void blockOrphaned(Chain chain, String blockHash) {
        transfers.values().removeIf(t -> blockHash.equals(t.blockHash()));
    }

    @Override
    public synchronized void tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at) {
        tips.add(new Tip(chain, tipHeight, finalizedHeight, at));
    }

    ChainTransfer transfer(String txHash, int index) {
        return transfers.get(new TransferKey(Chain.TRON, txHash, index));
    }
}
