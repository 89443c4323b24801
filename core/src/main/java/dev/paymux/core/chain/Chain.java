package dev.paymux.core.chain;

import dev.paymux.core.money.Asset;
import java.util.List;

/** A blockchain Paymux watches itself, and the pay-in assets that travel on it. */
public enum Chain {
    ETHEREUM(List.of(Asset.ETH, Asset.USDT_ERC20)),
    TRON(List.of(Asset.USDT_TRC20)),
    BITCOIN(List.of(Asset.BTC));

    private final List<Asset> assets;

    Chain(List<Asset> assets) {
        this.assets = assets;
    }

    public List<Asset> assets() {
        return assets;
    }

    public static Chain of(Asset asset) {
        for (Chain c : values()) {
            if (c.assets.contains(asset)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no chain carries " + asset);
    }
}
