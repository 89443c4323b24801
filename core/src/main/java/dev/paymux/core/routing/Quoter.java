package dev.paymux.core.routing;

import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.Quote;

/**
 * Where the router gets an instance's cost: the adapter's own quote, or the fee schedule the operator
 * configured for the instance, which takes precedence.
 */
@FunctionalInterface
public interface Quoter {

    Quote quote(PaymentProvider provider, PaymentIntent intent);

    /** The adapters' own quotes. */
    static Quoter adapters() {
        return PaymentProvider::quote;
    }
}
