package dev.paymux.cryptomus;

import dev.paymux.core.spi.FeeSchedule;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Paymux pay-in asset and how Cryptomus names it, with the limits and fees the adapter assumes until
 * {@link CryptomusProvider#refreshServices()} has read Cryptomus's own.
 *
 * @param asset    Paymux's asset code, e.g. {@code USDT_TRC20}
 * @param currency Cryptomus's currency code, e.g. {@code USDT}
 * @param network  Cryptomus's network code, e.g. {@code tron}
 * @param min      the smallest invoice in {@code currency} before the first refresh, or null
 * @param max      the largest, or null
 * @param fees     the fees before the first refresh; its network fee and FX spread are kept after a refresh
 *                 (Cryptomus's service list reports neither)
 */
public record CryptomusAsset(String asset, String currency, String network, BigDecimal min, BigDecimal max,
        FeeSchedule fees) {

    public CryptomusAsset {
        Objects.requireNonNull(asset, "asset");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(fees, "fees");
    }

    boolean is(String cryptomusCurrency, String cryptomusNetwork) {
        return currency.equalsIgnoreCase(cryptomusCurrency) && network.equalsIgnoreCase(cryptomusNetwork);
    }
}
