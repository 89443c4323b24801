package dev.paymux.api.chain;

import dev.paymux.core.chain.ChainWatcher;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext.IntegrationFlowRegistration;
import org.springframework.integration.leader.AbstractCandidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.support.locks.LockRegistry;

/**
 * Flow 2 of the design. Each watcher gets its own flow: a poller on {@code chain.<name>.ticks} driving its
 * {@link WatcherRunner}. The poller starts only on the instance that wins the watcher's leader election
 * (a lock in the shared database), so a cluster runs each watcher once; when the leader stops or dies
 * another instance's election takes the lock (after its time-to-live at worst) and resumes from the
 * stored cursor.
 */
public final class WatcherFleet implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WatcherFleet.class);

    private final List<ChainWatcher> watchers;
    private final IntegrationFlowContext flows;
    private final LockRegistry<?> locks;
    private final ApplicationEventPublisher events;
    private final ChainProperties properties;
    private final Clock clock;
    private final String label;
    private final List<LockRegistryLeaderInitiator> elections = new ArrayList<>();
    private final Map<String, WatcherRunner> runners = new ConcurrentHashMap<>();
    private final Map<String, Boolean> leading = new ConcurrentHashMap<>();
    private volatile boolean running;

    public WatcherFleet(List<ChainWatcher> watchers, IntegrationFlowContext flows, LockRegistry<?> locks,
            ApplicationEventPublisher events, ChainProperties properties, Clock clock) {
        this(watchers, flows, locks, events, properties, clock, "");
    }

    /** {@code label} tells apart several fleets in one application context (tests of failover). */
    WatcherFleet(List<ChainWatcher> watchers, IntegrationFlowContext flows, LockRegistry<?> locks,
            ApplicationEventPublisher events, ChainProperties properties, Clock clock, String label) {
        this.label = label;
        this.watchers = watchers;
        this.flows = flows;
        this.locks = locks;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        for (ChainWatcher watcher : watchers) {
            WatcherRunner runner = new WatcherRunner(watcher, clock, properties.pollInterval(), properties.maxBackoff(),
                    properties.burst());
            runners.put(watcher.name(), runner);
            IntegrationFlowRegistration flow = flows.registration(IntegrationFlow
                            .fromSupplier(clock::instant, e -> e.poller(Pollers.fixedDelay(properties.pollInterval()))
                                    .autoStartup(false))
                            .channel("chain." + watcher.name() + label + ".ticks")
                            .handle(runner, "tick")
                            .get())
                    .id("chain." + watcher.name() + label)
                    .autoStartup(false)
                    .register();
            LockRegistryLeaderInitiator election = new LockRegistryLeaderInitiator(locks,
                    new Leadership(watcher.name(), flow));
            election.setApplicationEventPublisher(events);
            election.start();
            elections.add(election);
        }
        running = true;
    }

    @Override
    public synchronized void stop() {
        elections.forEach(LockRegistryLeaderInitiator::stop);
        elections.clear();
        runners.keySet().forEach(name -> flows.remove("chain." + name + label));
        runners.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether this instance currently runs the watcher. */
    public boolean isLeading(String watcher) {
        return leading.getOrDefault(watcher, false);
    }

    public Map<String, WatcherRunner> runners() {
        return Map.copyOf(runners);
    }

    /** Starts the watcher's flow when this instance is granted leadership, stops it when revoked. */
    private final class Leadership extends AbstractCandidate {

        private final IntegrationFlowRegistration flow;

        Leadership(String watcher, IntegrationFlowRegistration flow) {
            super(null, "chain-watcher-" + watcher);
            this.flow = flow;
        }

        @Override
        public void onGranted(Context ctx) {
            log.info("This instance now runs watcher {}", getRole());
            leading.put(getRole().substring("chain-watcher-".length()), true);
            flow.start();
        }

        @Override
        public void onRevoked(Context ctx) {
            log.info("This instance no longer runs watcher {}", getRole());
            leading.put(getRole().substring("chain-watcher-".length()), false);
            flow.stop();
        }
    }
}
