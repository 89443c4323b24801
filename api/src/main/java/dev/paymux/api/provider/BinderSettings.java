package dev.paymux.api.provider;

import dev.paymux.core.spi.ProviderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

/**
 * A provider instance's settings read from the application's configuration (any property source).
 *
 * <p>A key the instance ({@code paymux.providers.instances.<name>.<key>}) does not set is looked up under
 * the shared defaults, {@code paymux.providers.defaults.<key>} (e.g. {@code read-timeout},
 * {@code circuit-breaker.minimum-calls}), so that the adapter sees instance value, then shared default, then
 * its own built-in value. Lists ({@link #list}) are the instance's own and have no defaults.
 *
 * @param defaultsPath where the defaults for {@code path} live, or null for none
 */
record BinderSettings(Binder binder, String path, String defaultsPath) implements ProviderSettings {

    static final String INSTANCES = "paymux.providers.instances";
    static final String DEFAULTS = "paymux.providers.defaults";

    /** The settings at {@code path}, with the shared defaults when {@code path} is an instance's. */
    BinderSettings(Binder binder, String path) {
        this(binder, path, defaultsFor(path));
    }

    @Override
    public Optional<String> text(String key) {
        Optional<String> own = text(path, key);
        return own.isPresent() || defaultsPath == null ? own : text(defaultsPath, key);
    }

    @Override
    public Optional<Duration> duration(String key) {
        Optional<Duration> own = duration(path, key);
        return own.isPresent() || defaultsPath == null ? own : duration(defaultsPath, key);
    }

    @Override
    public List<ProviderSettings> list(String key) {
        List<ProviderSettings> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String item = path + "." + key + "[" + i + "]";
            if (binder.bind(item, Bindable.mapOf(String.class, Object.class)).isBound()) {
                items.add(new BinderSettings(binder, item, null));
            } else {
                break;
            }
        }
        return items;
    }

    @Override
    public ProviderSettings sub(String key) {
        return new BinderSettings(binder, path + "." + key, defaultsPath == null ? null : defaultsPath + "." + key);
    }

    private Optional<String> text(String at, String key) {
        var bound = binder.bind(at + "." + key, String.class);
        return bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
    }

    private Optional<Duration> duration(String at, String key) {
        try {
            var bound = binder.bind(at + "." + key, Duration.class);
            return bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
        } catch (RuntimeException e) {
            throw new IllegalStateException(at + "." + key + " must be a duration such as 10s or 500ms");
        }
    }

    /** {@code paymux.providers.defaults} for {@code paymux.providers.instances.<name>}, else null. */
    private static String defaultsFor(String path) {
        String prefix = INSTANCES + ".";
        if (!path.startsWith(prefix)) {
            return null;
        }
        String rest = path.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? DEFAULTS : DEFAULTS + rest.substring(dot);
    }
}
