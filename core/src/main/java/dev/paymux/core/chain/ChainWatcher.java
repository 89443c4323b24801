package dev.paymux.core.chain;

/**
 * Follows one chain for the watched addresses. The application calls {@link #poll()} on one instance of
 * the cluster at a time (the leader for this watcher's name); a watcher keeps no state between polls
 * that the {@link ChainCursors} would not restore.
 */
public interface ChainWatcher {

    /** Unique name, also the cursor key, e.g. {@code ethereum}, {@code tron}, {@code bitcoin}. */
    String name();

    Chain chain();

    /**
     * One bounded step: reads from the cursor on (a limited number of blocks or pages), reports to the
     * sink, then advances the cursor.
     *
     * @return true when more work is already waiting (the caller polls again at once), false when the
     *     watcher caught up with the chain
     * @throws ChainUnavailableException when the chain API is down, throttled (HTTP 429) or its
     *     circuit breaker is open: nothing was skipped, the caller backs off and polls again later
     */
    boolean poll();
}
