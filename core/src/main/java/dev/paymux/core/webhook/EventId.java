package dev.paymux.core.webhook;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** Identity of one webhook event; the same on every delivery attempt, so merchants de-duplicate on it. */
public record EventId(UUID value) {
    public EventId {
        Objects.requireNonNull(value, "value");
    }

    public static EventId random() {
        return new EventId(UUID.randomUUID());
    }

    public static Optional<EventId> parse(String text) {
        try {
            return Optional.of(new EventId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
