package dev.paymux.core.chain;

import java.time.Instant;

/**
 * How far a watcher got: the last block it fully processed (height and hash, so a reorg below it is
 * noticed) and an opaque {@code position} for watchers that page by something else (TronGrid's
 * timestamps, Esplora's last seen txid).
 */
public record Cursor(long height, String hash, String position, Instant updatedAt) {
}
