package dev.paymux.core.chain;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A transfer of {@code amount} (in whole units of {@code asset}, e.g. 12.5 USDT, never base units) to
 * {@code toAddress}, as a watcher saw it. {@code blockHeight} and {@code blockHash} are null while the
 * transaction is only in the mempool; {@code blockTime} is the block's timestamp (or when the mempool
 * transaction was first seen).
 */
public record ChainTransfer(TransferKey key, Asset asset, String toAddress, BigDecimal amount, Long blockHeight,
        String blockHash, Instant blockTime) {

    public ChainTransfer {
        Objects.requireNonNull(key);
        Objects.requireNonNull(asset);
        Objects.requireNonNull(toAddress);
        Objects.requireNonNull(amount);
        Objects.requireNonNull(blockTime);
        if (Chain.of(asset) != key.chain()) {
            throw new IllegalArgumentException(asset + " does not travel on " + key.chain());
        }
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("a transfer amount must be positive");
        }
        if ((blockHeight == null) != (blockHash == null)) {
            throw new IllegalArgumentException("block height and hash come together");
        }
    }

    public boolean inMempool() {
        return blockHeight == null;
    }
}
