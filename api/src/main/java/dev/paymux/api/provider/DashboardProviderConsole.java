package dev.paymux.api.provider;

import dev.paymux.core.routing.InstanceStats;
import dev.paymux.core.routing.RouteAttempts;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.providers.ProviderConsole;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dashboard's view of the provider instances, through the admin API's registry and administration. */
@Component
class DashboardProviderConsole implements ProviderConsole {

    private final ProviderRegistry registry;
    private final OperatorFees operatorFees;
    private final ProviderInstanceAdministration admin;
    private final RouteAttempts attempts;
    private final Transactions tx;
    private final Clock clock;

    DashboardProviderConsole(ProviderRegistry registry, OperatorFees operatorFees, ProviderInstanceAdministration admin,
            RouteAttempts attempts, Transactions tx, Clock clock) {
        this.registry = registry;
        this.operatorFees = operatorFees;
        this.admin = admin;
        this.attempts = attempts;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<Instance> instances() {
        Map<String, InstanceStats> stats = tx.inTransaction(() -> attempts.stats(clock.instant().minus(Duration.ofDays(1))));
        List<Instance> out = new ArrayList<>();
        for (ProviderRegistry.Entry e : registry.entries()) {
            PaymentProvider p = e.provider();
            ProviderHealth health = health(p);
            InstanceStats s = stats.getOrDefault(p.instance(), InstanceStats.unknown());
            out.add(new Instance(p.instance(), p.type(), e.source().label(), e.enabled(), registry.routable(p.instance()),
                    health.up(), health.detail(), s.successPerMille(), s.latencyMillis()));
        }
        out.sort(Comparator.comparing(Instance::name));
        return out;
    }

    @Override
    public Optional<List<Method>> fees(String instance) {
        return registry.find(instance).map(p -> {
            List<PayMethod> mine = operatorFees.stored(instance);
            return operatorFees.effective(p).stream().map(m -> method(m, mine.contains(m) ? "database" : "adapter")).toList();
        });
    }

    @Override
    public boolean setFees(String actor, String instance, PayMethod method) {
        if (registry.find(instance).isEmpty()) {
            return false;
        }
        List<PayMethod> next = new ArrayList<>(operatorFees.stored(instance).stream()
                .filter(m -> !m.currency().equals(method.currency())).toList());
        next.add(method);
        admin.replaceFees(actor, instance, next);
        return true;
    }

    private static ProviderHealth health(PaymentProvider p) {
        try {
            return p.health();
        } catch (RuntimeException e) {
            return ProviderHealth.down("health check failed: " + e.getClass().getSimpleName());
        }
    }

    private static Method method(PayMethod m, String source) {
        FeeSchedule f = m.fees();
        return new Method(m.currency(), m.min(), m.max(), f.percent(), f.fixed(), f.minimum(), f.networkFee(),
                f.fxSpreadPercent(), m.available(), source);
    }
}
