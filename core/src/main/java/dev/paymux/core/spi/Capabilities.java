package dev.paymux.core.spi;

import java.util.List;
import java.util.Optional;

/**
 * What a provider instance takes and how it reports back.
 *
 * @param methods          the pay-in currencies, each with limits and fees
 * @param sendsCallbacks   whether the provider posts status callbacks
 * @param retriesCallbacks whether it retries a callback that failed; if not, Paymux polls {@code fetch}
 *                         until the payment is final
 */
public record Capabilities(List<PayMethod> methods, boolean sendsCallbacks, boolean retriesCallbacks) {

    public Capabilities {
        methods = List.copyOf(methods);
    }

    public Optional<PayMethod> method(String payCurrency) {
        return methods.stream().filter(m -> m.currency().equalsIgnoreCase(payCurrency)).findFirst();
    }

    /** Whether Paymux must poll to learn a payment's fate. */
    public boolean needsPolling() {
        return !sendsCallbacks || !retriesCallbacks;
    }
}
