package dev.paymux.api.provider;

import dev.paymux.core.provider.PaymentProvider;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The configured provider instances, by instance name. */
@Component
public class ProviderRegistry {

    private final Map<String, PaymentProvider> instances = new LinkedHashMap<>();

    ProviderRegistry(List<PaymentProvider> providers) {
        for (PaymentProvider p : providers) {
            if (instances.put(p.instance(), p) != null) {
                throw new IllegalStateException("two provider instances are named " + p.instance());
            }
        }
    }

    public Optional<PaymentProvider> find(String instance) {
        return Optional.ofNullable(instances.get(instance));
    }

    public Collection<PaymentProvider> all() {
        return instances.values();
    }
}
