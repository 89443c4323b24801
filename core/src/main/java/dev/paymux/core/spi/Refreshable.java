package dev.paymux.core.spi;

/**
 * A provider whose {@link PaymentProvider#capabilities()} and {@link PaymentProvider#quote quotes} are served
 * from a catalogue read from the provider (its pay methods, limits, commissions, routes), which this call
 * reads again. The application calls it on a schedule ({@code paymux.providers.refresh-interval}) for every
 * instance that implements it, one instance after the other, never concurrently with itself.
 *
 * <p>It must not throw because the provider is unavailable or answers something unreadable: it keeps the
 * catalogue it has and reports the failure through {@link PaymentProvider#health()} (and its logs), so
 * that one provider's outage stops neither the refresh of the others nor the instance itself. The
 * application still guards against an unexpected exception.
 */
public interface Refreshable {

    /** Reads the provider's catalogue again and serves capabilities and quotes from it once read. */
    void refresh();
}
