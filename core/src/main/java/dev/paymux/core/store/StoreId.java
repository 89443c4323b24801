package dev.paymux.core.store;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

public record StoreId(UUID value) {
    public StoreId {
        Objects.requireNonNull(value, "value");
    }

    public static StoreId random() {
        return new StoreId(UUID.randomUUID());
    }

    public static Optional<StoreId> parse(String text) {
        try {
            return Optional.of(new StoreId(UUID.fromString(text)));
        } catch (IllegalArgumentException | NullPointerException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
