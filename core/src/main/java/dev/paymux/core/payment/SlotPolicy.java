package dev.paymux.core.payment;

/**
 * How many unique-amount offsets one address offers: a payment of 100 USDT may be asked to pay
 * 100.01 … 100.{maxOffsets} on an address.
 */
public record SlotPolicy(int maxOffsets) {
    public SlotPolicy {
        if (maxOffsets < 1) {
            throw new IllegalArgumentException("maxOffsets must be at least 1");
        }
    }
}
