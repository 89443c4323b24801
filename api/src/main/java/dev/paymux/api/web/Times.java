package dev.paymux.api.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.time.temporal.ChronoUnit;

/** Timestamps on the wire: ISO-8601 UTC to the second, as in the seed ({@code 2025-01-15T12:30:00Z}). */
public final class Times {

    private Times() {
    }

    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * A query parameter's time: a date-time with offset, or a date (UTC), which means its start — or, with
     * {@code endOfDay}, the start of the next day, so that a date as an upper bound includes that whole day.
     */
    public static Optional<Instant> parse(String raw, boolean endOfDay) {
        try {
            if (raw.length() == 10) {
                LocalDate day = LocalDate.parse(raw);
                return Optional.of((endOfDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(raw).toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
