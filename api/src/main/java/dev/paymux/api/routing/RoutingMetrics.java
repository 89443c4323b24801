package dev.paymux.api.routing;

import dev.paymux.core.routing.RouteAttempt.Outcome;
import dev.paymux.core.routing.RoutingListener;
import dev.paymux.core.routing.StoredRoute;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Routing counters for {@code /actuator/metrics}: {@code paymux.routing.attempts} (instance, outcome),
 * {@code paymux.routing.attempt.latency} (instance) and {@code paymux.routing.placed} (instance). Money
 * (volume, cost, saving) is reported exactly, from the database, by {@code GET /admin/v1/routing/metrics}.
 */
@Component
class RoutingMetrics implements RoutingListener {

    private final MeterRegistry registry;

    RoutingMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void attempted(String instance, Outcome outcome, long latencyMillis) {
        Counter.builder("paymux.routing.attempts").tag("instance", instance).tag("outcome", outcome.wire())
                .register(registry).increment();
        Timer.builder("paymux.routing.attempt.latency").tag("instance", instance).register(registry)
                .record(Duration.ofMillis(latencyMillis));
    }

    @Override
    public void placed(StoredRoute route) {
        Counter.builder("paymux.routing.placed").tag("instance", route.placedAt()).register(registry).increment();
    }
}
