package dev.paymux.core.rates;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.Payment.RateSnapshot;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Turns what the merchant asked for into an amount of the pay-in asset. A fiat price is divided by the
 * coin's fiat rate and rounded up to the asset's display precision, so the merchant never receives less
 * than asked. A bare amount in the store's USD pricing currency is paid 1:1 in USDT.
 */
public final class Pricing {

    private Pricing() {
    }

    public record Converted(BigDecimal amount, RateSnapshot rate) {
    }

    public static Converted toAsset(Price price, Asset asset, RateTable rates, java.time.Instant now) {
        switch (price.kind()) {
            case ASSET -> {
                if (!price.currency().equals(asset.name())) {
                    throw new IllegalArgumentException("price is in " + price.currency() + ", not " + asset);
                }
                return new Converted(price.amount(), null);
            }
            case PRICING -> {
                if (price.currency().equals("USD") && asset.ticker().equals("usdt")) {
                    return new Converted(price.amount().setScale(Math.max(price.amount().scale(), 0)), null);
                }
                return fromFiat(price.amount(), Fiat.parse(price.currency()).orElseThrow(), asset, rates, now);
            }
            case FIAT -> {
                return fromFiat(price.amount(), Fiat.parse(price.currency()).orElseThrow(), asset, rates, now);
            }
            default -> throw new IllegalStateException();
        }
    }

    private static Converted fromFiat(BigDecimal amount, Fiat fiat, Asset asset, RateTable rates, java.time.Instant now) {
        BigDecimal rate = rates.rate(asset.ticker(), fiat)
                .orElseThrow(() -> new RatesUnavailableException("no " + asset.ticker() + "/" + fiat.key() + " rate"));
        BigDecimal converted = amount.divide(rate, MathContext.DECIMAL128).setScale(asset.displayScale(), RoundingMode.UP);
        return new Converted(converted, new RateSnapshot(fiat.name(), rate, rates.source(), rates.asOf()));
    }

    /** Conversion for the public rates endpoint: rounded down, as the seed's example does (5000 RUB at 90.5 → 55.24). */
    public static BigDecimal quote(BigDecimal fiatAmount, Fiat fiat, Asset asset, RateTable rates) {
        BigDecimal rate = rates.rate(asset.ticker(), fiat)
                .orElseThrow(() -> new RatesUnavailableException("no " + asset.ticker() + "/" + fiat.key() + " rate"));
        return fiatAmount.divide(rate, MathContext.DECIMAL128).setScale(asset.displayScale(), RoundingMode.DOWN);
    }
}
