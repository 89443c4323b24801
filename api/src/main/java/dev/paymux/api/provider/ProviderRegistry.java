package dev.paymux.api.provider;

import dev.paymux.core.spi.MapSettings;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.PaymentProviderFactory;
import dev.paymux.core.providers.ProviderInstances;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The provider instances, by instance name: provider beans (the {@code native} instance), the instances
 * configured under {@code paymux.providers.instances.<name>}, and the instances the operator stored in the
 * database through the admin API. Configured and stored instances are built by the
 * {@link PaymentProviderFactory} of their type, which each adapter module on the class path registers as a
 * service; stored settings are read through {@link MapSettings}.
 *
 * <p>Live: stored instances are added, rebuilt and disabled at runtime. Reads ({@link #find}, {@link #all},
 * {@link #routable()}) see an immutable snapshot through one volatile read, so they are cheap and never
 * block; changes are serialised and publish a new snapshot.
 *
 * <p>A disabled instance stays {@linkplain #find findable} (its payments are still reconciled and its
 * callbacks still verified) but is not {@linkplain #routable() routable}: no new payment goes to it.
 */
@Component
public class ProviderRegistry {

    static final String PREFIX = "paymux.providers.instances";

    private static final Logger log = LoggerFactory.getLogger(ProviderRegistry.class);

    /** Where an instance is defined. */
    public enum Source {
        /** A provider bean or {@code paymux.providers.instances.*}: read-only at runtime. */
        CONFIGURATION,
        /** Added through the admin API and stored in the database. */
        DATABASE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One instance: the provider, where it is defined, and whether new payments may go to it. */
    public record Entry(PaymentProvider provider, Source source, boolean enabled) {
    }

    private record Snapshot(Map<String, Entry> entries, List<PaymentProvider> all, List<PaymentProvider> routable) {

        static Snapshot of(Map<String, Entry> entries) {
            Map<String, Entry> copy = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(entries));
            return new Snapshot(copy, copy.values().stream().map(Entry::provider).toList(),
                    copy.values().stream().filter(Entry::enabled).map(Entry::provider).toList());
        }
    }

    private final Map<String, PaymentProviderFactory> factories = new LinkedHashMap<>();
    private volatile Snapshot snapshot;
    /** The stored definition each database instance was built from, to tell a changed one on {@link #sync}. */
    private final Map<String, ProviderInstances.Stored> builtFrom = new java.util.concurrent.ConcurrentHashMap<>();

    ProviderRegistry(List<PaymentProvider> providers, Environment environment, ProviderInstances stored) {
        ServiceLoader.load(PaymentProviderFactory.class).forEach(f -> factories.putIfAbsent(f.type(), f));
        Map<String, Entry> entries = new LinkedHashMap<>();
        providers.forEach(p -> add(entries, new Entry(p, Source.CONFIGURATION, true)));
        Binder binder = Binder.get(environment);
        Map<String, Object> configured = binder.bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        for (String instance : configured.keySet()) {
            String type = binder.bind(PREFIX + "." + instance + ".type", String.class)
                    .orElseThrow(() -> new IllegalStateException(PREFIX + "." + instance + ".type is required"));
            PaymentProviderFactory factory = factory(type).orElseThrow(() -> new IllegalStateException(
                    "no adapter for provider type '" + type + "' (" + PREFIX + "." + instance + ".type)"));
            add(entries, new Entry(factory.create(instance, new BinderSettings(binder, PREFIX + "." + instance)),
                    Source.CONFIGURATION, true));
        }
        for (ProviderInstances.Stored s : stored.all()) {
            if (entries.containsKey(s.name())) {
                log.warn("Stored provider instance {} is ignored: an instance of that name is configured", s.name());
                continue;
            }
            try {
                add(entries, new Entry(build(s.name(), s.type(), s.settings()), Source.DATABASE, s.enabled()));
                builtFrom.put(s.name(), s);
            } catch (IllegalArgumentException e) {
                // The message names the setting, never its value; the application starts without the instance.
                log.warn("Stored provider instance {} ({}) could not be built and is left out: {}", s.name(), s.type(),
                        e.getMessage());
            }
        }
        snapshot = Snapshot.of(entries);
    }

    private static void add(Map<String, Entry> entries, Entry e) {
        if (entries.putIfAbsent(e.provider().instance(), e) != null) {
            throw new IllegalStateException("two provider instances are named " + e.provider().instance());
        }
    }

    /** Any instance by name, enabled or not: for callbacks, reconciliation and the operator. */
    public Optional<PaymentProvider> find(String instance) {
        Entry e = snapshot.entries().get(instance);
        return e == null ? Optional.empty() : Optional.of(e.provider());
    }

    /** Every instance, enabled or not, in a stable order (configured first). Immutable. */
    public Collection<PaymentProvider> all() {
        return snapshot.all();
    }

    /** The instances new payments may go to: every enabled instance. Immutable; cheap to call per payment. */
    public List<PaymentProvider> routable() {
        return snapshot.routable();
    }

    /** Whether new payments may go to {@code instance}: it exists and is enabled. */
    public boolean routable(String instance) {
        Entry e = snapshot.entries().get(instance);
        return e != null && e.enabled();
    }

    /** The instance with where it is defined and whether it is enabled. */
    public Optional<Entry> entry(String instance) {
        return Optional.ofNullable(snapshot.entries().get(instance));
    }

    /** Every instance with its source and state. Immutable. */
    public Collection<Entry> entries() {
        return snapshot.entries().values();
    }

    /** The provider types an adapter on the class path builds. */
    public Set<String> types() {
        return new TreeSet<>(factories.keySet());
    }

    Optional<PaymentProviderFactory> factory(String type) {
        return Optional.ofNullable(factories.get(type));
    }

    /**
     * Builds an instance from stored settings through its type's factory, without registering it.
     *
     * @throws IllegalArgumentException with a message naming the offending setting (never its value), when
     *     the type is unknown or the factory refuses the settings
     */
    PaymentProvider build(String name, String type, Map<String, String> settings) {
        PaymentProviderFactory factory = factory(type).orElseThrow(() -> new IllegalArgumentException(
                "unknown provider type '" + type + "'; known types: " + String.join(", ", types())));
        try {
            PaymentProvider p = factory.create(name, new MapSettings("settings", settings));
            if (p == null || !name.equals(p.instance())) {
                throw new IllegalArgumentException("the " + type + " adapter did not build instance " + name);
            }
            return p;
        } catch (NumberFormatException e) {
            // The JDK's message quotes the value.
            throw new IllegalArgumentException("a numeric setting of the " + type + " instance is not a number", e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalArgumentException(Masking.scrub(e.getMessage(), settings), e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the settings are not valid for provider type " + type, e);
        }
    }

    /**
     * Brings the stored instances up to date with the database, for changes another gateway node made:
     * new or changed ones are built, enabled flags follow. An instance that cannot be built is left as it
     * is, with a warning.
     *
     * @return how many instances changed
     */
    synchronized int sync(List<ProviderInstances.Stored> stored) {
        int changed = 0;
        for (ProviderInstances.Stored s : stored) {
            Entry current = snapshot.entries().get(s.name());
            if (current != null && current.source() != Source.DATABASE) {
                continue;
            }
            ProviderInstances.Stored known = builtFrom.get(s.name());
            if (current != null && known != null && known.type().equals(s.type())
                    && known.settings().equals(s.settings())) {
                if (current.enabled() != s.enabled()) {
                    setEnabled(s.name(), s.enabled());
                    builtFrom.put(s.name(), s);
                    changed++;
                }
                continue;
            }
            try {
                putStored(build(s.name(), s.type(), s.settings()), s);
                changed++;
            } catch (IllegalArgumentException e) {
                log.warn("Stored provider instance {} ({}) could not be built and is left as it was: {}", s.name(),
                        s.type(), e.getMessage());
            }
        }
        return changed;
    }

    /** Adds or replaces a stored instance built from {@code from}; a replaced provider is closed when it holds resources. */
    synchronized void putStored(PaymentProvider provider, ProviderInstances.Stored from) {
        putStored(provider, from.enabled());
        builtFrom.put(from.name(), from);
    }

    private void putStored(PaymentProvider provider, boolean enabled) {
        Map<String, Entry> entries = new LinkedHashMap<>(snapshot.entries());
        Entry old = entries.get(provider.instance());
        if (old != null && old.source() != Source.DATABASE) {
            throw new IllegalStateException(provider.instance() + " is a configured instance");
        }
        entries.put(provider.instance(), new Entry(provider, Source.DATABASE, enabled));
        snapshot = Snapshot.of(entries);
        if (old != null && old.provider() != provider) {
            close(old.provider());
        }
    }

    /** Enables or disables a stored instance, keeping its provider. */
    synchronized void setEnabled(String instance, boolean enabled) {
        Map<String, Entry> entries = new LinkedHashMap<>(snapshot.entries());
        Entry old = entries.get(instance);
        if (old == null || old.source() != Source.DATABASE) {
            throw new IllegalStateException(instance + " is not a stored instance");
        }
        entries.put(instance, new Entry(old.provider(), Source.DATABASE, enabled));
        snapshot = Snapshot.of(entries);
    }

    private static void close(PaymentProvider p) {
        if (p instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("Closing the replaced provider instance {} failed: {}", p.instance(), e.getClass().getName());
            }
        }
    }

    /** For tests and diagnostics: the instance names in order. */
    List<String> names() {
        return new ArrayList<>(snapshot.entries().keySet());
    }
}
