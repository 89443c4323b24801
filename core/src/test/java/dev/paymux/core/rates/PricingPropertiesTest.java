package dev.paymux.core.rates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.Payment.Price;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Rounding directions of {@link Pricing}: the merchant never gets less, a quote never promises more. */
class PricingPropertiesTest {

    private static final Instant AS_OF = Instant.parse("2025-03-01T12:00:00Z");

    /** Fiat amounts as the API accepts them: positive, two decimals at most. */
    @Provide
    Arbitrary<BigDecimal> fiatAmounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("1000000000")).ofScale(2);
    }

    /** Rates as price sources quote them: up to eight decimals, from tiny to very large. */
    @Provide
    Arbitrary<BigDecimal> rates() {
        return Arbitraries.integers().between(0, 8).flatMap(scale -> Arbitraries.bigDecimals()
                .between(new BigDecimal("0.00000001").max(BigDecimal.ONE.movePointLeft(scale)),
                        new BigDecimal("100000000"))
                .ofScale(scale));
    }

    private static RateTable table(Asset asset, Fiat fiat, BigDecimal rate) {
        return new RateTable(Map.of(asset.ticker(), Map.of(fiat.key(), rate)), "prop", AS_OF, false);
    }

    @Property(tries = 2000)
    void to_asset_never_gives_the_merchant_less_and_is_the_smallest_such_amount(
            @ForAll("fiatAmounts") BigDecimal fiatAmount, @ForAll("rates") BigDecimal rate,
            @ForAll Asset asset, @ForAll Fiat fiat) {
        Pricing.Converted c = Pricing.toAsset(new Price(fiatAmount, fiat.name(), Price.Kind.FIAT), asset,
                table(asset, fiat, rate), AS_OF);

        BigDecimal amount = c.amount();
        assertThat(amount.scale()).isEqualTo(asset.displayScale());
        assertThat(amount.multiply(rate)).as("%s * %s >= %s", amount, rate, fiatAmount)
                .isGreaterThanOrEqualTo(fiatAmount);
        assertThat(amount.subtract(asset.step()).multiply(rate)).as("one step less is not enough")
                .isLessThan(fiatAmount);
        assertThat(c.rate().rate()).isEqualByComparingTo(rate);
    }

    @Property(tries = 2000)
    void quote_never_promises_more_than_the_fiat_buys_and_is_the_largest_such_amount(
            @ForAll("fiatAmounts") BigDecimal fiatAmount, @ForAll("rates") BigDecimal rate,
            @ForAll Asset asset, @ForAll Fiat fiat) {
        BigDecimal q = Pricing.quote(fiatAmount, fiat, asset, table(asset, fiat, rate));

        assertThat(q.scale()).isEqualTo(asset.displayScale());
        assertThat(q.signum()).isGreaterThanOrEqualTo(0);
        assertThat(q.multiply(rate)).as("%s * %s <= %s", q, rate, fiatAmount).isLessThanOrEqualTo(fiatAmount);
        assertThat(q.add(asset.step()).multiply(rate)).as("one step more is too much").isGreaterThan(fiatAmount);
    }

    @Property
    void quote_and_to_asset_differ_by_at_most_one_step(@ForAll("fiatAmounts") BigDecimal fiatAmount,
            @ForAll("rates") BigDecimal rate, @ForAll Asset asset, @ForAll Fiat fiat) {
        RateTable t = table(asset, fiat, rate);
        BigDecimal up = Pricing.toAsset(new Price(fiatAmount, fiat.name(), Price.Kind.FIAT), asset, t, AS_OF).amount();
        BigDecimal down = Pricing.quote(fiatAmount, fiat, asset, t);

        assertThat(up.subtract(down)).isIn(BigDecimal.ZERO.setScale(asset.displayScale()), asset.step());
    }

    @Property
    void pricing_usd_is_paid_one_to_one_in_usdt(@ForAll("fiatAmounts") BigDecimal amount) {
        for (Asset usdt : new Asset[] {Asset.USDT_TRC20, Asset.USDT_ERC20}) {
            Pricing.Converted c = Pricing.toAsset(new Price(amount, "USD", Price.Kind.PRICING), usdt, null, AS_OF);
            assertThat(c.amount()).isEqualByComparingTo(amount);
            assertThat(c.rate()).isNull();
        }
    }
}
