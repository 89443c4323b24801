package dev.paymux.api.provider;

import dev.paymux.core.spi.ProviderHealth;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.HealthContributors;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} → {@code providers} → one entry per instance: DOWN while its circuit is open
 * or its health endpoint fails, with the adapter's reason.
 */
@Component("providers")
class ProviderHealthContributor implements CompositeHealthContributor {

    private final ProviderRegistry registry;

    ProviderHealthContributor(ProviderRegistry registry) {
        this.registry = registry;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return registry.find(name).map(p -> (HealthIndicator) () -> of(p.health())).orElse(null);
    }

    @Override
    public java.util.stream.Stream<HealthContributors.Entry> stream() {
        return registry.all().stream().map(p -> new HealthContributors.Entry(p.instance(),
                (HealthIndicator) () -> of(p.health())));
    }

    private static Health of(ProviderHealth h) {
        return (h.up() ? Health.up() : Health.down()).withDetail("detail", h.detail()).build();
    }
}
