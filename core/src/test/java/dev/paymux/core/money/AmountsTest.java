package dev.paymux.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Amounts.InvalidAmountException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

    // ---- check ----

    @Test
    void check_rejects_null_naming_the_field() {
        assertThatThrownBy(() -> Amounts.check("fiat_amount", null, 2))
                .isInstanceOf(InvalidAmountException.class)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fiat_amount")
                .hasMessageContaining("required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "0E+3", "-0.01", "-1", "-100.00", "-1000000000001"})
    void check_rejects_zero_and_negative_amounts(String value) {
        assertThatThrownBy(() -> Amounts.check("amount", new BigDecimal(value), 2))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("amount")
                .hasMessageContaining("greater than zero");
    }

    @Test
    void max_is_one_trillion_and_is_itself_allowed() {
        assertThat(Amounts.MAX).isEqualByComparingTo("1000000000000");
        assertThat(Amounts.check("amount", new BigDecimal("1000000000000.00"), 2)).isEqualByComparingTo(Amounts.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000.01", "1000000000000.000001", "1000000000001", "1E+13", "99999999999999999999"})
    void check_rejects_amounts_above_max(String value) {
        assertThatThrownBy(() -> Amounts.check("amount", new BigDecimal(value), 6))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("too large");
    }

    @ParameterizedTest
    @CsvSource({
            "1.001, 2",
            "0.001, 2",
            "100.11, 1",
            "1.5, 0",
            "0.000000001, 8",
            "0.0000001, 6",
    })
    void check_rejects_more_decimals_than_allowed(String value, int maxScale) {
        assertThatThrownBy(() -> Amounts.check("amount", new BigDecimal(value), maxScale))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("amount")
                .hasMessageContaining(maxScale + " decimal places");
    }

    @ParameterizedTest
    @CsvSource({
            // value,         maxScale, normalised
            "100.10,          1,        100.1",
            "100.00,          0,        100",
            "100,             0,        100",
            "1E+2,            0,        100",
            "0.01,            2,        0.01",
            "55.2500000000,   2,        55.25",
            "0.00000001,      8,        0.00000001",
            "1.123456,        6,        1.123456",
            "1.1234560000,    6,        1.123456",
            "1000000000000,   2,        1000000000000",
    })
    void check_accepts_trailing_zeros_and_returns_the_normalised_value(String value, int maxScale, String normalised) {
        BigDecimal result = Amounts.check("amount", new BigDecimal(value), maxScale);

        assertThat(result).isEqualByComparingTo(value);
        // exact representation: no trailing zeros, never a negative scale (no "1E+2" on the wire)
        assertThat(result).isEqualTo(new BigDecimal(normalised));
        assertThat(result.toPlainString()).isEqualTo(normalised);
        assertThat(result.scale()).isBetween(0, maxScale);
    }

    // ---- parse ----

    @ParameterizedTest
    @ValueSource(strings = {"100", "100.00", "0.5", "0", "55.24", "1000000000000.000000", "0.00000001"})
    void parse_accepts_plain_decimals_and_keeps_their_scale(String text) {
        assertThat(Amounts.parse("amount", text)).isEqualTo(new BigDecimal(text));
    }

    @Test
    void parse_keeps_trailing_zeros() {
        assertThat(Amounts.parse("amount", "100.00").scale()).isEqualTo(2);
        assertThat(Amounts.parse("amount", "100").scale()).isZero();
    }

    @Test
    void parse_allows_a_minus_sign_so_check_can_explain_the_problem() {
        BigDecimal negative = Amounts.parse("amount", "-1");
        assertThat(negative).isEqualByComparingTo("-1");
        assertThatThrownBy(() -> Amounts.check("amount", negative, 2)).hasMessageContaining("greater than zero");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"1e", "e5", "1e+", "1e5.5", "1e1234", "1 e5", " 1", "1 ", " ", "abc", "1.", ".5", "+1", "1,5", "1.000,00", "0x10",
            "1_000", "--1", "1-", "NaN", "Infinity", "1.2.3", "١٢٣", "12\n", "\t1", "1 000"})
    void parse_rejects_anything_but_a_plain_decimal(String text) {
        assertThatThrownBy(() -> Amounts.parse("fiat_amount", text))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("fiat_amount")
                .hasMessageContaining("decimal number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", "1E+5", "100000", "1.0e5", "1000000e-1"})
    void parse_takes_an_exponent_like_the_json_number(String text) {
        assertThat(Amounts.check("amount", Amounts.parse("amount", text), 2)).isEqualByComparingTo("100000")
                .extracting(BigDecimal::scale).isEqualTo(0);
    }

    @Test
    void an_exponent_does_not_get_past_the_scale_check() {
        assertThatThrownBy(() -> Amounts.check("amount", Amounts.parse("amount", "1e-3"), 2))
                .hasMessageContaining("more than 2 decimal places");
    }

    // ---- Asset ----

    @ParameterizedTest
    @CsvSource({"USDT_TRC20, USDT_TRC20", "usdt_trc20, USDT_TRC20", "Usdt_Erc20, USDT_ERC20", "btc, BTC", "BTC, BTC",
            "eth, ETH", "' eth ', ETH"})
    void asset_parse_is_case_insensitive(String code, Asset expected) {
        assertThat(Asset.parse(code)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"USDT", "usdt", "TRC20", "DOGE", "USD", "BTC_LN", "USDT-TRC20", "USDTTRC20"})
    void asset_parse_of_an_unknown_code_is_empty(String code) {
        assertThat(Asset.parse(code)).isEmpty();
    }

    @Test
    void asset_steps_are_the_display_precision() {
        assertThat(Asset.USDT_TRC20.step()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Asset.USDT_ERC20.step()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Asset.BTC.step()).isEqualTo(new BigDecimal("0.00000001"));
        assertThat(Asset.ETH.step()).isEqualByComparingTo("0.00000001");
    }

    @ParameterizedTest
    @EnumSource(Asset.class)
    void step_is_one_unit_at_display_scale(Asset asset) {
        assertThat(asset.step().scale()).isEqualTo(asset.displayScale());
        assertThat(asset.step().unscaledValue()).isEqualTo(java.math.BigInteger.ONE);
        assertThat(asset.displayScale()).isLessThanOrEqualTo(asset.decimals());
    }

    @Test
    void asset_decimals_and_tickers() {
        assertThat(Asset.USDT_TRC20.decimals()).isEqualTo(6);
        assertThat(Asset.USDT_ERC20.decimals()).isEqualTo(6);
        assertThat(Asset.BTC.decimals()).isEqualTo(8);
        assertThat(Asset.ETH.decimals()).isEqualTo(18);
        assertThat(Asset.USDT_TRC20.ticker()).isEqualTo("usdt");
        assertThat(Asset.USDT_ERC20.ticker()).isEqualTo("usdt");
        assertThat(Asset.BTC.ticker()).isEqualTo("btc");
        assertThat(Asset.ETH.ticker()).isEqualTo("eth");
    }

    // ---- Fiat ----

    @ParameterizedTest
    @CsvSource({"USD, USD", "usd, USD", "Eur, EUR", "rub, RUB", "cNy, CNY", "' gbp ', GBP"})
    void fiat_parse_is_case_insensitive(String code, Fiat expected) {
        assertThat(Fiat.parse(code)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"JPY", "XYZ", "US", "USDT", "BTC", "RUR", "dollar"})
    void fiat_parse_of_an_unknown_code_is_empty(String code) {
        assertThat(Fiat.parse(code)).isEmpty();
    }

    @Test
    void fiat_keys_are_lower_case_and_scale_is_two() {
        assertThat(Fiat.USD.key()).isEqualTo("usd");
        assertThat(Fiat.RUB.key()).isEqualTo("rub");
        assertThat(Fiat.SCALE).isEqualTo(2);
        assertThat(Fiat.values()).extracting(Fiat::name).containsExactlyInAnyOrder("USD", "EUR", "RUB", "CNY", "GBP");
    }
}
