package dev.paymux.core.ledger;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Money the operator paid out to a store: it moves from {@code available} to {@code total_withdrawn}.
 *
 * @param reference  the operator's own reference (e.g. the payout transaction hash), unique per store:
 *                   recording the same reference again returns the first payout
 */
public record Payout(UUID id, StoreId store, Asset asset, BigDecimal amount, String reference, String note,
        Instant createdAt) {
}
