package dev.paymux.core.chain;

import dev.paymux.core.money.Asset;
import java.util.Set;

/** The receiving addresses of all stores, which is what the watchers look for. */
public interface WatchedAddresses {

    /**
     * Addresses of {@code asset} that may still receive a payment: every pool address and every
     * derived address reserved for a payment that is open or inside the late-payment window.
     * Addresses are compared case-insensitively for Ethereum (watchers lower-case them).
     */
    Set<String> addresses(Asset asset);
}
