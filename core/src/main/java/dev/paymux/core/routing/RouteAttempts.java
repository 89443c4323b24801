package dev.paymux.core.routing;

import dev.paymux.core.payment.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The attempts of routed payments, and the recent record of each instance they add up to. */
public interface RouteAttempts {

    /** Records the start of a provider call (committed before the call, so a crash leaves a trace). */
    long started(PaymentId payment, String instance, Instant now);

    void finished(long attempt, RouteAttempt.Outcome outcome, String error, long latencyMillis, Instant now);

    List<RouteAttempt> of(PaymentId payment);

    /** Per instance: successes per thousand finished attempts and the mean latency of successful ones since {@code since}. */
    Map<String, InstanceStats> stats(Instant since);
}
