package dev.paymux.core.chain;

import java.time.Instant;

/**
 * Where a watcher reports what it saw. The application implements it: it stores every observation,
 * matches it to a payment, counts confirmations and books the ledger. Every method is idempotent:
 * a watcher that re-reads a block after a restart reports the same transfers again, and nothing is
 * applied twice.
 */
public interface TransferSink {

    /**
     * A transfer to a watched address was seen, in the mempool or in a block. Reporting it again with
     * a block after a mempool sighting (or with another block after a reorg) updates the stored one.
     */
    void observed(ChainTransfer transfer);

    /**
     * A transfer reported earlier is gone: its block was orphaned, or its mempool transaction was
     * replaced or double-spent. Its amount no longer counts for any payment.
     */
    void dropped(TransferKey key, String reason);

    /**
     * Every transfer reported in the block with this hash is gone (the block left the best chain).
     */
    void blockOrphaned(Chain chain, String blockHash);

    /**
     * The chain moved on. A transfer in block {@code b} has {@code tipHeight - b + 1} confirmations;
     * one at or below {@code finalizedHeight} (the chain's own finality point, e.g. TRON's solidified
     * block or Ethereum's {@code finalized} tag; null when the chain has none) is final whatever its count.
     */
    void tip(Chain chain, long tipHeight, Long finalizedHeight, Instant at);
}
