package dev.paymux.dashboard.operations;

import java.time.Instant;
import java.util.List;

/** The chain watchers as the operators' page shows them; the application implements it with its watcher fleet. */
public interface WatcherConsole {

    List<Watcher> watchers();

    /**
     * One watcher.
     *
     * @param leading whether this instance runs it (one instance does, by election)
     * @param height  its cursor, the last block it read, or null before the first
     */
    record Watcher(String name, String chain, boolean leading, Long height, String hash, Instant cursorUpdatedAt,
            long polls, String lastError) {
    }
}
