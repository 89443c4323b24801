package dev.paymux.api.chain;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainWatcher;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.integration.dsl.context.IntegrationFlowContext;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two gateway instances on one database: each has its own lock client, as separate processes would.
 * Only one runs the watcher; when it stops, the other takes over.
 */
class WatcherFailoverTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ApplicationContext context;

    @Autowired
    IntegrationFlowContext flows;

    @Test
    void oneInstanceRunsTheWatcherAndAnotherTakesOverWhenItStops() throws Exception {
        CountingWatcher onA = new CountingWatcher();
        CountingWatcher onB = new CountingWatcher();
        ChainProperties props = new ChainProperties(Duration.ofHours(24), Map.of(), Duration.ofMillis(50),
                Duration.ofSeconds(1), 1, Duration.ofSeconds(2));
        WatcherFleet a = fleet(onA, props, "-a");
        WatcherFleet b = fleet(onB, props, "-b");
        a.start();
        try {
            eventually(Duration.ofSeconds(20), () -> onA.polls.get() > 3);
            b.start();
            // B competes for the lock while A goes on polling (A's polls are the observable) and never polls.
            int aPollsWhenBStarted = onA.polls.get();
            eventually(Duration.ofSeconds(30), () -> onA.polls.get() > aPollsWhenBStarted + 20);
            assertThat(a.isLeading(CountingWatcher.NAME)).isTrue();
            assertThat(b.isLeading(CountingWatcher.NAME)).isFalse();
            assertThat(onB.polls.get()).isZero();

            a.stop();
            int aPollsAtStop = onA.polls.get();
            eventually(Duration.ofSeconds(30), () -> b.isLeading(CountingWatcher.NAME) && onB.polls.get() > 3);
            assertThat(onA.polls.get()).isLessThanOrEqualTo(aPollsAtStop + 1);
            // Never both at once: a poll on one while the other leads would show as overlap.
            assertThat(onA.concurrentWithOther(onB)).isFalse();
        } finally {
            a.stop();
            b.stop();
        }
    }

    private WatcherFleet fleet(ChainWatcher watcher, ChainProperties props, String label) {
        DefaultLockRepository repository = new DefaultLockRepository(dataSource);
        repository.setRegion("chain-watchers");
        repository.setTransactionManager(transactions);
        repository.setApplicationContext(context);
        repository.afterPropertiesSet();
        repository.afterSingletonsInstantiated();
        repository.start();
        JdbcLockRegistry locks = new JdbcLockRegistry(repository, props.lockTtl());
        return new WatcherFleet(List.of(watcher), flows, locks, context, props, Clock.systemUTC(), label);
    }

    /** A watcher that only counts its polls and records when it was polled. */
    static final class CountingWatcher implements ChainWatcher {

        static final String NAME = "failover-test";
        final AtomicInteger polls = new AtomicInteger();
        volatile long first = Long.MAX_VALUE;
        volatile long last = Long.MIN_VALUE;

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Chain chain() {
            return Chain.TRON;
        }

        @Override
        public boolean poll() {
            long now = System.nanoTime();
            first = Math.min(first, now);
            last = now;
            polls.incrementAndGet();
            return false;
        }

        boolean concurrentWithOther(CountingWatcher other) {
            return other.polls.get() > 0 && polls.get() > 0 && other.first < last && first < other.last;
        }
    }
}
