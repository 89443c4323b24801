package dev.paymux.api.chain;

import dev.paymux.core.chain.ChainUnavailableException;
import dev.paymux.core.chain.ChainWatcher;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one watcher on each poller tick: polls in a burst while it reports more work, and after a
 * failure backs off (doubling up to a limit, or as long as the API's Retry-After asks) without moving
 * its cursor, so a long outage delays the watcher but never makes it skip a range.
 */
public final class WatcherRunner {

    private static final Logger log = LoggerFactory.getLogger(WatcherRunner.class);

    private final ChainWatcher watcher;
    private final Clock clock;
    private final Duration baseBackoff;
    private final Duration maxBackoff;
    private final int burst;
    private final AtomicLong polls = new AtomicLong();
    private Instant pausedUntil = Instant.MIN;
    private Duration backoff;
    private volatile String lastError;

    public WatcherRunner(ChainWatcher watcher, Clock clock, Duration baseBackoff, Duration maxBackoff, int burst) {
        this.watcher = watcher;
        this.clock = clock;
        this.baseBackoff = baseBackoff;
        this.maxBackoff = maxBackoff;
        this.burst = burst;
        this.backoff = baseBackoff;
    }

    /** One tick of the poller; runs on one thread at a time (the watcher's own poller). */
    public synchronized void tick() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            for (int i = 0; i < burst; i++) {
                polls.incrementAndGet();
                if (!watcher.poll()) {
                    break;
                }
            }
            backoff = baseBackoff;
            lastError = null;
        } catch (ChainUnavailableException e) {
            pause(e.retryAfter(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("Watcher {} failed; it will retry from its cursor", watcher.name(), e);
            pause(null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void pause(Duration retryAfter, String why) {
        Duration wait = retryAfter != null && retryAfter.compareTo(backoff) > 0 ? retryAfter : backoff;
        pausedUntil = clock.instant().plus(wait);
        backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        lastError = why;
        log.warn("Watcher {} backs off for {}: {}", watcher.name(), wait, why);
    }

    public String name() {
        return watcher.name();
    }

    public long polls() {
        return polls.get();
    }

    public String lastError() {
        return lastError;
    }
}
