package dev.paymux.core.routing;

/**
 * How an instance has been doing lately, for breaking ties between equally cheap instances.
 *
 * @param successPerMille  payments created successfully per thousand attempts
 * @param latencyMillis    typical create latency
 */
public record InstanceStats(int successPerMille, long latencyMillis) {

    /** What an instance without history is assumed to be: fully successful, no known latency. */
    public static InstanceStats unknown() {
        return new InstanceStats(1000, 0);
    }
}
