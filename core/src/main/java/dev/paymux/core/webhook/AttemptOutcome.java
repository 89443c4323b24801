package dev.paymux.core.webhook;

import java.time.Instant;

/** What one delivery attempt did: an HTTP status, or an error before any status. */
public record AttemptOutcome(Instant startedAt, long durationMs, String url, Integer statusCode, String error) {

    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    public boolean gone() {
        return statusCode != null && statusCode == 410;
    }
}
