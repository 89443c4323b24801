package dev.paymux.core.chain;

import java.util.Objects;

/**
 * Identity of one on-chain transfer: the transaction and the position inside it (the log index of an
 * ERC-20 {@code Transfer} event or a TRC-20 event, the output index ({@code vout}) of a Bitcoin
 * transaction, 0 for a native ETH transfer). The same key is reported however often a block is re-read.
 */
public record TransferKey(Chain chain, String txHash, int index) {

    public TransferKey {
        Objects.requireNonNull(chain);
        Objects.requireNonNull(txHash);
        if (txHash.isBlank() || index < 0) {
            throw new IllegalArgumentException("a transfer key needs a tx hash and a non-negative index");
        }
    }

    @Override
    public String toString() {
        return chain.name().toLowerCase() + ":" + txHash + ":" + index;
    }
}
