package dev.paymux.api.provider;

import dev.paymux.core.provider.ProviderSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Binder;

/** A provider instance's settings read from the application's configuration (any property source). */
record BinderSettings(Binder binder, String path) implements ProviderSettings {

    @Override
    public Optional<String> text(String key) {
        var bound = binder.bind(path + "." + key, String.class);
        return bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
    }

    @Override
    public Optional<Duration> duration(String key) {
        try {
            var bound = binder.bind(path + "." + key, Duration.class);
            return bound.isBound() ? Optional.of(bound.get()) : Optional.empty();
        } catch (RuntimeException e) {
            throw new IllegalStateException(path + "." + key + " must be a duration such as 10s or 500ms");
        }
    }

    @Override
    public List<ProviderSettings> list(String key) {
        List<ProviderSettings> items = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            String item = path + "." + key + "[" + i + "]";
            if (binder.bind(item, org.springframework.boot.context.properties.bind.Bindable.mapOf(String.class,
                    Object.class)).isBound()) {
                items.add(new BinderSettings(binder, item));
            } else {
                break;
            }
        }
        return items;
    }

    @Override
    public ProviderSettings sub(String key) {
        return new BinderSettings(binder, path + "." + key);
    }
}
