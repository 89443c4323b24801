package dev.paymux.core.spi;

import java.util.Objects;

/**
 * How a provider knows a payment.
 *
 * @param instance    the provider instance that holds it
 * @param externalId  the provider's id (Cryptomus {@code uuid}, Soprano payment id, exchanger order uid)
 * @param secret      a per-payment secret some providers need to read it back (the exchanger's order
 *                    secret), or null; stored, never shown
 */
public record ProviderReference(String instance, String externalId, String secret) {

    public ProviderReference {
        Objects.requireNonNull(instance, "instance");
        Objects.requireNonNull(externalId, "externalId");
    }

    @Override
    public String toString() {
        return "ProviderReference[instance=" + instance + ", externalId=" + externalId
                + (secret == null ? "" : ", secret=***") + "]";
    }
}
