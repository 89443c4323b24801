package dev.paymux.api.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The system clock plus an offset that tests move forward, or stopped; {@link #reset()} goes back to real time. */
public final class MutableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;
    private volatile Instant frozen;

    public void advance(Duration by) {
        Instant stopped = frozen;
        if (stopped != null) {
            frozen = stopped.plus(by);
        }
        offset = offset.plus(by);
    }

    /** Stops time where it is (until {@link #advance} or {@link #reset}), for what counts real time, such as rate limits. */
    public void freeze() {
        frozen = instant();
    }

    public void reset() {
        frozen = null;
        offset = Duration.ZERO;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        Instant stopped = frozen;
        return stopped != null ? stopped : Instant.now().plus(offset);
    }
}
