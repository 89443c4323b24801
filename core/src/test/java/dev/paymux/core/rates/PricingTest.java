package dev.paymux.core.rates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.Payment.RateSnapshot;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PricingTest {

    private static final Instant AS_OF = Instant.parse("2025-03-01T12:00:00Z");
    private static final Instant NOW = AS_OF.plusSeconds(30);

    private static final RateTable RATES = new RateTable(Map.of(
            "usdt", Map.of("rub", new BigDecimal("90.5"), "usd", new BigDecimal("1"), "eur", new BigDecimal("0.92")),
            "btc", Map.of("usd", new BigDecimal("60000"), "rub", new BigDecimal("5430000")),
            "eth", Map.of("usd", new BigDecimal("3000"))), "fixed", AS_OF, false);

    private static Price fiat(String amount, String currency) {
        return new Price(new BigDecimal(amount), currency, Price.Kind.FIAT);
    }

    private static Price pricing(String amount, String currency) {
        return new Price(new BigDecimal(amount), currency, Price.Kind.PRICING);
    }

    // ---- quote (public rates endpoint) ----

    @Test
    void quote_matches_the_seed_example_rounded_down() {
        BigDecimal q = Pricing.quote(new BigDecimal("5000"), Fiat.RUB, Asset.USDT_TRC20, RATES);
        assertThat(q).isEqualTo(new BigDecimal("55.24")); // 5000 / 90.5 = 55.2486...
    }

    @Test
    void quote_uses_the_asset_display_scale() {
        BigDecimal q = Pricing.quote(new BigDecimal("100"), Fiat.USD, Asset.BTC, RATES);
        assertThat(q).isEqualTo(new BigDecimal("0.00166666")); // 0.0016666..., down
        assertThat(Pricing.quote(new BigDecimal("100"), Fiat.USD, Asset.USDT_ERC20, RATES))
                .isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void quote_without_a_rate_is_rates_unavailable() {
        assertThatThrownBy(() -> Pricing.quote(new BigDecimal("100"), Fiat.GBP, Asset.USDT_TRC20, RATES))
                .isInstanceOf(RatesUnavailableException.class)
                .hasMessageContaining("usdt").hasMessageContaining("gbp");
        assertThatThrownBy(() -> Pricing.quote(new BigDecimal("100"), Fiat.EUR, Asset.BTC, RATES))
                .isInstanceOf(RatesUnavailableException.class);
    }

    // ---- toAsset, FIAT prices ----

    @Test
    void fiat_price_is_rounded_up_so_the_merchant_never_gets_less() {
        Pricing.Converted c = Pricing.toAsset(fiat("5000", "RUB"), Asset.USDT_TRC20, RATES, NOW);

        assertThat(c.amount()).isEqualTo(new BigDecimal("55.25"));
        assertThat(c.amount().multiply(new BigDecimal("90.5"))).isGreaterThanOrEqualTo(new BigDecimal("5000"));
        assertThat(c.rate()).isEqualTo(new RateSnapshot("RUB", new BigDecimal("90.5"), "fixed", AS_OF));
    }

    @Test
    void fiat_price_to_btc_rounds_up_at_satoshi_precision() {
        Pricing.Converted c = Pricing.toAsset(fiat("100.00", "USD"), Asset.BTC, RATES, NOW);

        assertThat(c.amount()).isEqualTo(new BigDecimal("0.00166667"));
        assertThat(c.rate().fiat()).isEqualTo("USD");
        assertThat(c.rate().rate()).isEqualByComparingTo("60000");
    }

    @Test
    void an_exact_conversion_is_not_bumped_up() {
        assertThat(Pricing.toAsset(fiat("120000", "USD"), Asset.BTC, RATES, NOW).amount())
                .isEqualTo(new BigDecimal("2.00000000"));
        assertThat(Pricing.toAsset(fiat("9.20", "EUR"), Asset.USDT_TRC20, RATES, NOW).amount())
                .isEqualTo(new BigDecimal("10.00"));
    }

    @Test
    void fiat_usd_price_is_converted_with_the_usdt_usd_rate() {
        RateTable offPeg = new RateTable(Map.of("usdt", Map.of("usd", new BigDecimal("0.9995"))), "x", AS_OF, false);

        Pricing.Converted c = Pricing.toAsset(fiat("100", "USD"), Asset.USDT_TRC20, offPeg, NOW);

        assertThat(c.amount()).isEqualTo(new BigDecimal("100.06")); // 100.050025... up
        assertThat(c.rate()).isNotNull();
    }

    @Test
    void fiat_price_without_a_rate_is_rates_unavailable() {
        assertThatThrownBy(() -> Pricing.toAsset(fiat("10", "CNY"), Asset.USDT_TRC20, RATES, NOW))
                .isInstanceOf(RatesUnavailableException.class)
                .hasMessageContaining("usdt/cny");
        assertThatThrownBy(() -> Pricing.toAsset(fiat("10", "EUR"), Asset.ETH, RATES, NOW))
                .isInstanceOf(RatesUnavailableException.class);
    }

    @Test
    void a_zero_or_negative_rate_counts_as_missing() {
        RateTable broken = new RateTable(Map.of("usdt", Map.of("rub", BigDecimal.ZERO, "usd", new BigDecimal("-1"))),
                "broken", AS_OF, false);

        assertThatThrownBy(() -> Pricing.toAsset(fiat("10", "RUB"), Asset.USDT_TRC20, broken, NOW))
                .isInstanceOf(RatesUnavailableException.class);
        assertThatThrownBy(() -> Pricing.quote(BigDecimal.TEN, Fiat.USD, Asset.USDT_TRC20, broken))
                .isInstanceOf(RatesUnavailableException.class);
    }

    @Test
    void a_stale_table_still_prices_and_the_snapshot_names_its_source() {
        Pricing.Converted c = Pricing.toAsset(fiat("5000", "RUB"), Asset.USDT_ERC20, RATES.asStale(), NOW);
        assertThat(c.amount()).isEqualTo(new BigDecimal("55.25"));
        assertThat(c.rate().source()).isEqualTo("fixed");
        assertThat(c.rate().pricedAt()).isEqualTo(AS_OF);
    }

    // ---- toAsset, PRICING prices (store pricing currency) ----

    @ParameterizedTest
    @CsvSource({"USDT_TRC20, 25.50", "USDT_ERC20, 25.50", "USDT_TRC20, 100", "USDT_ERC20, 0.01"})
    void pricing_usd_to_usdt_is_one_to_one_without_rates(Asset usdt, String amount) {
        Pricing.Converted c = Pricing.toAsset(pricing(amount, "USD"), usdt, null, NOW);

        assertThat(c.amount()).isEqualByComparingTo(amount);
        assertThat(c.rate()).isNull();
    }

    @Test
    void pricing_usd_to_usdt_ignores_the_usdt_usd_rate() {
        RateTable offPeg = new RateTable(Map.of("usdt", Map.of("usd", new BigDecimal("0.5"))), "x", AS_OF, false);
        assertThat(Pricing.toAsset(pricing("10", "USD"), Asset.USDT_TRC20, offPeg, NOW).amount())
                .isEqualByComparingTo("10");
    }

    @Test
    void pricing_usd_to_btc_converts_with_btc_usd() {
        Pricing.Converted c = Pricing.toAsset(pricing("100", "USD"), Asset.BTC, RATES, NOW);

        assertThat(c.amount()).isEqualTo(new BigDecimal("0.00166667"));
        assertThat(c.rate()).isEqualTo(new RateSnapshot("USD", new BigDecimal("60000"), "fixed", AS_OF));
    }

    @Test
    void pricing_usd_to_eth_without_the_rate_is_rates_unavailable() {
        RateTable onlyBtc = new RateTable(Map.of("btc", Map.of("usd", new BigDecimal("60000"))), "x", AS_OF, false);
        assertThatThrownBy(() -> Pricing.toAsset(pricing("100", "USD"), Asset.ETH, onlyBtc, NOW))
                .isInstanceOf(RatesUnavailableException.class);
    }

    @Test
    void pricing_in_another_currency_to_usdt_needs_the_rate() {
        Pricing.Converted c = Pricing.toAsset(pricing("92", "EUR"), Asset.USDT_TRC20, RATES, NOW);
        assertThat(c.amount()).isEqualTo(new BigDecimal("100.00"));
        assertThat(c.rate().fiat()).isEqualTo("EUR");

        assertThatThrownBy(() -> Pricing.toAsset(pricing("92", "GBP"), Asset.USDT_TRC20, RATES, NOW))
                .isInstanceOf(RatesUnavailableException.class);
    }

    // ---- toAsset, ASSET prices ----

    @ParameterizedTest
    @EnumSource(Asset.class)
    void asset_price_in_the_same_asset_is_kept_as_is(Asset asset) {
        BigDecimal amount = new BigDecimal("1.5");
        Pricing.Converted c = Pricing.toAsset(new Price(amount, asset.name(), Price.Kind.ASSET), asset, null, NOW);
        assertThat(c.amount()).isEqualTo(amount);
        assertThat(c.rate()).isNull();
    }

    @Test
    void asset_price_in_another_asset_is_rejected() {
        Price usdtTrc = new Price(new BigDecimal("10"), "USDT_TRC20", Price.Kind.ASSET);
        assertThatThrownBy(() -> Pricing.toAsset(usdtTrc, Asset.USDT_ERC20, RATES, NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
