package dev.paymux.api.provider;

import dev.paymux.core.provider.PaymentProvider;
import dev.paymux.core.provider.PaymentProviderFactory;
import java.util.ArrayList;
import java.util.ServiceLoader;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The configured provider instances, by instance name: provider beans, plus the instances configured
 * under {@code paymux.providers.instances.<name>} and built by the {@link PaymentProviderFactory} of their type,
 * which each adapter module on the class path registers as a service.
 */
@Component
public class ProviderRegistry {

    static final String PREFIX = "paymux.providers.instances";

    private final Map<String, PaymentProvider> instances = new LinkedHashMap<>();

    ProviderRegistry(List<PaymentProvider> providers, Environment environment) {
        providers.forEach(this::add);
        List<PaymentProviderFactory> factories = new ArrayList<>();
        ServiceLoader.load(PaymentProviderFactory.class).forEach(factories::add);
        Binder binder = Binder.get(environment);
        Map<String, Object> configured = binder.bind(PREFIX, Bindable.mapOf(String.class, Object.class))
                .orElse(Map.of());
        for (String instance : configured.keySet()) {
            String type = binder.bind(PREFIX + "." + instance + ".type", String.class)
                    .orElseThrow(() -> new IllegalStateException(PREFIX + "." + instance + ".type is required"));
            PaymentProviderFactory factory = factories.stream().filter(f -> f.type().equals(type)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no adapter for provider type '" + type + "' ("
                            + PREFIX + "." + instance + ".type)"));
            add(factory.create(instance, new BinderSettings(binder, PREFIX + "." + instance)));
        }
    }

    private void add(PaymentProvider p) {
        if (instances.put(p.instance(), p) != null) {
            throw new IllegalStateException("two provider instances are named " + p.instance());
        }
    }

    public Optional<PaymentProvider> find(String instance) {
        return Optional.ofNullable(instances.get(instance));
    }

    public Collection<PaymentProvider> all() {
        return instances.values();
    }

    /** The instances the router may choose from. */
    public Collection<PaymentProvider> routable() {
        return all();
    }
}
