package dev.paymux.core.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: after the n-th failed attempt wait {@code delays[n-1]}, varied by
 * ±{@code jitterPercent} percent so many failures do not retry in lockstep. After the last delay, give up.
 * Default: 10 s, 1 min, 10 min, 1 h, 6 h — 1 attempt plus 5 retries.
 */
public record RetrySchedule(List<Duration> delays, int jitterPercent) {

    public RetrySchedule {
        delays = List.copyOf(delays);
        if (jitterPercent < 0 || jitterPercent > 50) {
            throw new IllegalArgumentException("jitterPercent must be from 0 to 50");
        }
    }

    public static RetrySchedule standard() {
        return new RetrySchedule(List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(10),
                Duration.ofHours(1), Duration.ofHours(6)), 10);
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after {@code failedAttempts} failures, or empty when it is time to give up. */
    public Optional<Duration> next(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1 || failedAttempts > delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(failedAttempts - 1);
        // Per-mille resolution: base * (1000 + j) / 1000 with j in [-10 * jitterPercent, 10 * jitterPercent].
        long spread = 10L * jitterPercent;
        long j = spread == 0 ? 0 : random.nextLong(-spread, spread + 1);
        return Optional.of(Duration.ofMillis(Math.max(0, base.toMillis() * (1000 + j) / 1000)));
    }
}
