package dev.paymux.onchain;

import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.Cursor;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@link ChainCursors} in memory, for the watchers' unit tests (this module depends on core only); the
 * application stores cursors and remembered blocks in PostgreSQL, tested in the db and api modules.
 */
public final class MemoryCursors implements ChainCursors {

    private final Map<String, Cursor> cursors = new HashMap<>();
    private final Map<String, TreeMap<Long, String>> blocks = new HashMap<>();

    @Override
    public synchronized Optional<Cursor> load(String watcher) {
        return Optional.ofNullable(cursors.get(watcher));
    }

    @Override
    public synchronized void save(String watcher, Cursor cursor) {
        cursors.put(watcher, cursor);
    }

    @Override
    public synchronized void rememberBlock(String watcher, long height, String hash) {
        blocks.computeIfAbsent(watcher, w -> new TreeMap<>()).put(height, hash);
    }

    @Override
    public synchronized Optional<String> rememberedBlock(String watcher, long height) {
        return Optional.ofNullable(blocks.getOrDefault(watcher, new TreeMap<>()).get(height));
    }

    @Override
    public synchronized void forgetBlocks(String watcher, long above, long keepFrom) {
        TreeMap<Long, String> remembered = blocks.get(watcher);
        if (remembered != null) {
            remembered.tailMap(above, false).clear();
            remembered.headMap(keepFrom, false).clear();
        }
    }

    /** The blocks remembered for {@code watcher}, by height. */
    public synchronized Map<Long, String> remembered(String watcher) {
        return new TreeMap<>(blocks.getOrDefault(watcher, new TreeMap<>()));
    }
}
