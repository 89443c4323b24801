package dev.paymux.core.payment;

/**
 * How many unpaid donations (pending or queued) one store may have open at once. Donations are public and
 * unsigned, so without a cap anyone could take every address slot of an amount and leave the store's own
 * payments queued.
 */
public record DonationPolicy(int maxOpenPerStore) {
    public DonationPolicy {
        if (maxOpenPerStore < 1) {
            throw new IllegalArgumentException("maxOpenPerStore must be at least 1");
        }
    }
}
