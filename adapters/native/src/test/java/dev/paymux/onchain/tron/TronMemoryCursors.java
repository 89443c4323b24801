package dev.paymux.onchain.tron;

import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.Cursor;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** In-memory {@link ChainCursors} for the TRON watcher tests; the application stores them in PostgreSQL. */
final class TronMemoryCursors implements ChainCursors {

    private final Map<String, Cursor> cursors = new ConcurrentHashMap<>();
    private final Map<String, TreeMap<Long, String>> blocks = new ConcurrentHashMap<>();

    @Override
    public Optional<Cursor> load(String watcher) {
        return Optional.ofNullable(cursors.get(watcher));
    }

    @Override
    public void save(String watcher, Cursor cursor) {
        cursors.put(watcher, cursor);
    }

    @Override
    public void rememberBlock(String watcher, long height, String hash) {
        blocks.computeIfAbsent(watcher, w -> new TreeMap<>()).put(height, hash);
    }

    @Override
    public Optional<String> rememberedBlock(String watcher, long height) {
        return Optional.ofNullable(blocks.getOrDefault(watcher, new TreeMap<>()).get(height));
    }

    @Override
    public void forgetBlocks(String watcher, long above, long keepFrom) {
        TreeMap<Long, String> m = blocks.get(watcher);
        if (m != null) {
            m.tailMap(above, false).clear();
            m.headMap(keepFrom, false).clear();
        }
    }
}
