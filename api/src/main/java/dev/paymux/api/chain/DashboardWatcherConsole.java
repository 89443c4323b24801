package dev.paymux.api.chain;

import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.ChainWatcher;
import dev.paymux.dashboard.operations.WatcherConsole;
import java.util.List;
import org.springframework.stereotype.Component;

/** The dashboard's view of the chain watchers, as {@code GET /admin/v1/chain/watchers} shows them. */
@Component
class DashboardWatcherConsole implements WatcherConsole {

    private final ChainCursors cursors;
    private final List<ChainWatcher> watchers;
    private final WatcherFleet fleet;

    DashboardWatcherConsole(ChainCursors cursors, List<ChainWatcher> watchers, WatcherFleet fleet) {
        this.cursors = cursors;
        this.watchers = watchers;
        this.fleet = fleet;
    }

    @Override
    public List<Watcher> watchers() {
        return watchers.stream().map(w -> {
            var cursor = cursors.load(w.name());
            var runner = fleet.runners().get(w.name());
            return new Watcher(w.name(), w.chain().name(), fleet.isLeading(w.name()), cursor.map(c -> c.height()).orElse(null),
                    cursor.map(c -> c.hash()).orElse(null), cursor.map(c -> c.updatedAt()).orElse(null),
                    runner == null ? 0 : runner.polls(), runner == null ? null : runner.lastError());
        }).toList();
    }
}
