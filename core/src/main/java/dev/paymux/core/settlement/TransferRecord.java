package dev.paymux.core.settlement;

import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A stored observation of a chain transfer and what became of it.
 *
 * @param generation  how many times it was detected: a transfer dropped by a reorg and mined again is
 *                    detected anew, and each detection books its own ledger entry
 * @param match       {@link Match#PAYMENT}, {@link Match#LATE} (after expiry, inside the monitoring
 *                    window) or {@link Match#UNMATCHED} (for the operator to look at)
 */
public record TransferRecord(TransferKey key, Asset asset, String toAddress, BigDecimal amount, Long blockHeight,
        String blockHash, Instant blockTime, int confirmations, boolean finalized, boolean dropped, int generation,
        PaymentId paymentId, StoreId storeId, Match match) {

    public enum Match { PAYMENT, LATE, UNMATCHED }

    public boolean live() {
        return !dropped;
    }
}
