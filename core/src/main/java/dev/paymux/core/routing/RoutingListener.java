package dev.paymux.core.routing;

import dev.paymux.core.routing.RouteAttempt.Outcome;

/** Told about every attempt and placement, for metrics. Must not throw. */
public interface RoutingListener {

    void attempted(String instance, Outcome outcome, long latencyMillis);

    void placed(StoredRoute route);

    RoutingListener NONE = new RoutingListener() {
        @Override
        public void attempted(String instance, Outcome outcome, long latencyMillis) {
        }

        @Override
        public void placed(StoredRoute route) {
        }
    };
}
