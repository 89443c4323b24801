package dev.paymux.api.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Timestamps on the wire: ISO-8601 UTC to the second, as in the seed ({@code 2025-01-15T12:30:00Z}). */
public final class Times {

    private Times() {
    }

    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
