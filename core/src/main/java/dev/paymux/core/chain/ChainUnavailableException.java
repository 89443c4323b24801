package dev.paymux.core.chain;

import java.time.Duration;

/**
 * The chain API could not be read: down, throttled or its circuit is open. {@code retryAfter} is the
 * API's hint (e.g. a 429's {@code Retry-After}), or null.
 */
public class ChainUnavailableException extends RuntimeException {

    private final Duration retryAfter;

    public ChainUnavailableException(String message, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
