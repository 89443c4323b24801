package dev.paymux.core.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Amounts.InvalidAmountException;
import java.math.BigDecimal;
import java.math.BigInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class AmountsPropertiesTest {

    /** Positive amounts up to MAX with 0..18 decimals. */
    @Provide
    Arbitrary<BigDecimal> positiveAmounts() {
        return Arbitraries.integers().between(0, 18).flatMap(scale -> Arbitraries.bigDecimals()
                .between(BigDecimal.ONE.movePointLeft(scale), Amounts.MAX).ofScale(scale));
    }

    @Property
    void check_accepts_what_fits_and_returns_the_same_number_without_trailing_zeros(
            @ForAll("positiveAmounts") BigDecimal value, @ForAll @IntRange(min = 0, max = 18) int maxScale,
            @ForAll @IntRange(min = 0, max = 6) int extraZeros) {
        BigDecimal padded = value.setScale(value.scale() + extraZeros);
        int significantScale = Math.max(0, value.stripTrailingZeros().scale());

        if (significantScale <= maxScale) {
            BigDecimal result = Amounts.check("amount", padded, maxScale);
            assertThat(result).isEqualByComparingTo(value);
            assertThat(result.scale()).isBetween(0, maxScale);
            assertThat(result.scale() == 0 || result.unscaledValue().mod(BigInteger.TEN).signum() != 0)
                    .as("no trailing zeros in %s", result).isTrue();
            assertThat(Amounts.check("amount", result, maxScale)).as("idempotent").isEqualTo(result);
        } else {
            assertThatThrownBy(() -> Amounts.check("amount", padded, maxScale))
                    .isInstanceOf(InvalidAmountException.class)
                    .hasMessageContaining("decimal places");
        }
    }

    @Property
    void check_rejects_everything_above_max(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long excessUnits,
            @ForAll @IntRange(min = 0, max = 8) int scale) {
        BigDecimal value = Amounts.MAX.add(BigDecimal.valueOf(excessUnits, scale));
        assertThatThrownBy(() -> Amounts.check("amount", value, 8)).hasMessageContaining("too large");
    }

    @Property
    void check_rejects_every_non_positive_amount(@ForAll @LongRange(min = Long.MIN_VALUE, max = 0) long units,
            @ForAll @IntRange(min = 0, max = 8) int scale) {
        assertThatThrownBy(() -> Amounts.check("amount", BigDecimal.valueOf(units, scale), 8))
                .isInstanceOf(InvalidAmountException.class)
                .hasMessageContaining("greater than zero");
    }

    @Property
    void parse_round_trips_the_plain_string(@ForAll long unscaled, @ForAll @IntRange(min = 0, max = 12) int scale) {
        BigDecimal value = BigDecimal.valueOf(unscaled, scale);
        assertThat(Amounts.parse("amount", value.toPlainString())).isEqualTo(value);
    }

    @Provide
    Arbitrary<String> corrupted() {
        Arbitrary<String> plain = Arbitraries.longs().greaterOrEqual(0)
                .flatMap(u -> Arbitraries.integers().between(0, 8).map(s -> BigDecimal.valueOf(u, s).toPlainString()));
        Arbitrary<Character> bad = Arbitraries.of(' ', '\t', '+', ',', '_', 'x', '\n', '\u00a0');
        return Combinators.combine(plain, bad, Arbitraries.integers().between(0, 1000))
                .as((s, c, at) -> {
                    int i = at % (s.length() + 1);
                    return s.substring(0, i) + c + s.substring(i);
                });
    }

    @Property
    void parse_rejects_spaces_plus_signs_and_separators_anywhere(@ForAll("corrupted") String text) {
        assertThatThrownBy(() -> Amounts.parse("amount", text)).isInstanceOf(InvalidAmountException.class);
    }

    @Property
    void parse_rejects_a_dangling_or_leading_point(@ForAll @LongRange(min = 0) long digits) {
        assertThatThrownBy(() -> Amounts.parse("amount", digits + ".")).isInstanceOf(InvalidAmountException.class);
        assertThatThrownBy(() -> Amounts.parse("amount", "." + digits)).isInstanceOf(InvalidAmountException.class);
    }
}
