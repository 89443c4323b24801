package dev.paymux.core.providers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider instances the operator added at runtime (next to the configured ones), and the audit
 * trail of changes to instances and fee schedules.
 */
public interface ProviderInstances {

    /**
     * One stored instance.
     *
     * @param settings flat kebab-case keys to values, as read by {@link dev.paymux.core.spi.MapSettings}
     */
    record Stored(String name, String type, boolean enabled, Map<String, String> settings, Instant createdAt,
            Instant updatedAt) {

        public Stored {
            settings = Map.copyOf(settings);
        }
    }

    /** One change: who ({@code actor}) did what ({@code action}) to which instance; detail is a JSON object. */
    record AuditEntry(long id, Instant at, String actor, String action, String instance, String detailJson) {
    }

    /** Every stored instance, by name. */
    List<Stored> all();

    Optional<Stored> find(String name);

    /** Adds an instance; false (and nothing written) when the name is taken. */
    boolean insert(Stored instance);

    /** Replaces the type-independent parts of an instance: settings, enabled, updated at. */
    void update(Stored instance);

    /** Records a change; {@code detailJson} is a JSON object with secrets already masked. */
    void audit(Instant at, String actor, String action, String instance, String detailJson);

    /** The latest changes, newest first, for one instance or (null) all. */
    List<AuditEntry> audit(String instance, int limit);
}
