package dev.paymux.core.ledger;

import static dev.paymux.core.ledger.AccountKind.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.ledger.JournalEntry.Posting;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Currency;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTest {

    private static final StoreId STORE = StoreId.random();
    private static final StoreId OTHER = StoreId.random();

    private static Posting p(AccountKind kind, Asset asset, String amount) {
        return new Posting(STORE, kind, asset, new BigDecimal(amount));
    }

    @Test
    void a_balanced_single_asset_entry_is_accepted_and_keeps_its_postings() {
        List<Posting> postings = List.of(p(EXTERNAL, Asset.USDT_TRC20, "-100.00"), p(PENDING, Asset.USDT_TRC20, "100.00"));

        JournalEntry e = new JournalEntry("payment:1:detected", "detected", postings);

        assertThat(e.idempotencyKey()).isEqualTo("payment:1:detected");
        assertThat(e.description()).isEqualTo("detected");
        assertThat(e.postings()).containsExactlyElementsOf(postings);
    }

    @Test
    void a_balanced_entry_with_commission_is_accepted() {
        assertThatCode(() -> new JournalEntry("payment:1:completed", "completed", List.of(
                p(PENDING, Asset.USDT_TRC20, "-100.00"),
                p(AVAILABLE, Asset.USDT_TRC20, "99.50"),
                p(COMMISSION, Asset.USDT_TRC20, "0.50")))).doesNotThrowAnyException();
    }

    @Test
    void amounts_with_different_scales_still_balance() {
        assertThatCode(() -> new JournalEntry("k", "d", List.of(
                p(EXTERNAL, Asset.BTC, "-1"),
                p(AVAILABLE, Asset.BTC, "0.99999999"),
                p(COMMISSION, Asset.BTC, "0.000000010")))).doesNotThrowAnyException();
    }

    @Test
    void a_balanced_multi_asset_entry_is_accepted() {
        assertThatCode(() -> new JournalEntry("k", "two assets", List.of(
                p(EXTERNAL, Asset.USDT_TRC20, "-10"),
                p(AVAILABLE, Asset.BTC, "0.5"),
                p(AVAILABLE, Asset.USDT_TRC20, "10"),
                p(EXTERNAL, Asset.BTC, "-0.3"),
                new Posting(OTHER, EXTERNAL, Asset.BTC, new BigDecimal("-0.2")),
                p(WITHDRAWN, Asset.ETH, "0.000000000000000001"),
                p(AVAILABLE, Asset.ETH, "-0.000000000000000001")))).doesNotThrowAnyException();
    }

    @Test
    void an_unbalanced_entry_is_rejected_naming_the_asset() {
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of(
                p(EXTERNAL, Asset.USDT_TRC20, "-100.00"),
                p(AVAILABLE, Asset.USDT_TRC20, "99.99"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("USDT_TRC20")
                .hasMessageContaining("-0.01");
    }

    @Test
    void a_single_posting_is_rejected() {
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of(p(AVAILABLE, Asset.BTC, "1"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an_entry_balanced_only_across_assets_is_rejected() {
        // sums to zero overall, but +10 USDT and -10 BTC is not a balanced movement
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of(
                p(AVAILABLE, Asset.USDT_TRC20, "10"),
                p(EXTERNAL, Asset.BTC, "-10"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void usdt_on_two_networks_are_two_assets() {
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of(
                p(AVAILABLE, Asset.USDT_TRC20, "10"),
                p(EXTERNAL, Asset.USDT_ERC20, "-10"))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void one_unbalanced_asset_among_balanced_ones_is_rejected() {
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of(
                p(AVAILABLE, Asset.USDT_TRC20, "10"),
                p(EXTERNAL, Asset.USDT_TRC20, "-10"),
                p(AVAILABLE, Asset.ETH, "1"),
                p(EXTERNAL, Asset.ETH, "-0.999999999999999999"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ETH");
    }

    @Test
    void fiat_currencies_balance_on_their_own_and_never_against_an_asset() {
        assertThatCode(() -> new JournalEntry("k", "card payment", List.of(
                new Posting(STORE, EXTERNAL, Fiat.RUB, new BigDecimal("-1000.00")),
                new Posting(STORE, AVAILABLE, Fiat.RUB, new BigDecimal("1000"), "soprano-main"))))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of(
                new Posting(STORE, AVAILABLE, Fiat.USD, new BigDecimal("10")),
                p(EXTERNAL, Asset.USDT_TRC20, "-10"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD");
    }

    @Test
    void currency_codes_parse_to_assets_or_fiat() {
        assertThat(Currency.parse("rub")).contains(Fiat.RUB);
        assertThat(Currency.parse("USDT_TRC20")).contains(Asset.USDT_TRC20);
        assertThat(Currency.parse("LTC")).isEmpty();
        assertThat(Currency.parse(null)).isEmpty();
    }

    @Test
    void an_empty_entry_is_rejected() {
        assertThatThrownBy(() -> new JournalEntry("k", "d", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void postings_are_copied_and_cannot_be_changed_afterwards() {
        List<Posting> source = new ArrayList<>(List.of(p(EXTERNAL, Asset.BTC, "-1"), p(AVAILABLE, Asset.BTC, "1")));
        JournalEntry e = new JournalEntry("k", "d", source);

        source.add(p(AVAILABLE, Asset.BTC, "5"));

        assertThat(e.postings()).hasSize(2);
        assertThatThrownBy(() -> e.postings().add(p(AVAILABLE, Asset.BTC, "5")))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
