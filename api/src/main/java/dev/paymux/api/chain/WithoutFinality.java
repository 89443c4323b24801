package dev.paymux.api.chain;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import java.time.Instant;

/**
 * Passes everything on but the chain's finality point, so only confirmation counts make money final.
 * For nodes whose {@code finalized} tag means nothing: a local Hardhat node answers it with the head.
 */
public class WithoutFinality implements TransferSink {

    private final TransferSink sink;

    public WithoutFinality(TransferSink sink) {
        this.sink = sink;
    }

    @Override
    public void observed(ChainTransfer transfer) {
        sink.observed(transfer);
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
        sink.tip(chain, tipHeight, null, at);
    }
}
