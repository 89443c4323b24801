package dev.paymux.core.settlement;

import dev.paymux.core.money.Asset;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * @param confirmations  confirmations a transfer needs before its money is final, per asset
 * @param lateWindow     how long after expiry a transfer still completes a payment (flagged late)
 */
public record SettlementPolicy(Map<Asset, Integer> confirmations, Duration lateWindow) {

    public SettlementPolicy {
        confirmations = Map.copyOf(confirmations);
        for (Asset a : Asset.values()) {
            if (confirmations.getOrDefault(a, 0) < 1) {
                throw new IllegalArgumentException("required confirmations for " + a + " must be at least 1");
            }
        }
    }

    /** Ethereum 12 blocks, TRON 19 (its solidity point), Bitcoin 2; late transfers count for 24 hours. */
    public static SettlementPolicy defaults() {
        Map<Asset, Integer> c = new EnumMap<>(Asset.class);
        c.put(Asset.ETH, 12);
        c.put(Asset.USDT_ERC20, 12);
        c.put(Asset.USDT_TRC20, 19);
        c.put(Asset.BTC, 2);
        return new SettlementPolicy(c, Duration.ofHours(24));
    }

    public int required(Asset asset) {
        return confirmations.get(asset);
    }
}
