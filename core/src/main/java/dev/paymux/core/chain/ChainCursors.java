package dev.paymux.core.chain;

import java.util.Optional;

/**
 * Watcher progress kept in the database, so a restart or a failover to another instance resumes
 * where the last one stopped. Watchers save the cursor only after the sink accepted everything up to
 * it: a crash in between re-reads a range, which the sink tolerates, and never skips one.
 */
public interface ChainCursors {

    Optional<Cursor> load(String watcher);

    void save(String watcher, Cursor cursor);

    /** Remembers a processed block's hash, so a later parent-hash mismatch can find the fork point. */
    void rememberBlock(String watcher, long height, String hash);

    /** The remembered hash at {@code height}, if any. */
    Optional<String> rememberedBlock(String watcher, long height);

    /** Forgets remembered blocks above {@code height} (after a reorg) and below {@code keepFrom} (pruning). */
    void forgetBlocks(String watcher, long above, long keepFrom);
}
