package dev.paymux.api.chain;

import dev.paymux.core.money.Asset;
import dev.paymux.core.settlement.SettlementPolicy;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paymux.chains.*}: what the watchers share. Per-chain endpoints live under
 * {@code paymux.chains.ethereum|tron|bitcoin}.
 *
 * @param lateWindow     how long after expiry a transfer still completes a payment (flagged late)
 * @param confirmations  required confirmations per asset, on top of {@link SettlementPolicy#defaults()}
 * @param pollInterval   pause between polls of a watcher that has caught up
 * @param maxBackoff     the longest pause after a chain API failure (doubling from the poll interval)
 * @param burst          polls in a row while a watcher reports more work waiting
 * @param lockTtl        how long a leader's lock lives without a heartbeat: the failover time when an
 *                       instance dies without releasing it
 */
@ConfigurationProperties("paymux.chains")
public record ChainProperties(@DefaultValue("24h") Duration lateWindow, Map<Asset, Integer> confirmations,
        @DefaultValue("5s") Duration pollInterval, @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("20") int burst, @DefaultValue("10s") Duration lockTtl) {

    public SettlementPolicy policy() {
        Map<Asset, Integer> required = new EnumMap<>(SettlementPolicy.defaults().confirmations());
        if (confirmations != null) {
            required.putAll(confirmations);
        }
        return new SettlementPolicy(required, lateWindow);
    }
}
