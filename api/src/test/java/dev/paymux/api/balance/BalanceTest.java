package dev.paymux.api.balance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.ledger.AccountKind;
import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.ledger.JournalEntry.Posting;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class BalanceTest extends ApiTest {

    @Autowired
    Ledger ledger;

    @Test
    void newStoreShowsZeroBalancesInTheSeedShape() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        var r = m.get("/api/v1/merchant/balance");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode usdt = r.data().get("USDT_TRC20");
        assertThat(usdt.get("available").isNumber()).isTrue();
        assertThat(usdt.get("available").toString()).isEqualTo("0.00");
        assertThat(usdt.get("pending").toString()).isEqualTo("0.00");
        assertThat(usdt.get("total_received").toString()).isEqualTo("0.00");
        assertThat(usdt.get("total_withdrawn").toString()).isEqualTo("0.00");
        assertThat(usdt.get("total_commission").toString()).isEqualTo("0.00");
        // Beside the seed's five fields: the part of available that providers hold, in all and per instance.
        assertThat(usdt.get("provider_held").toString()).isEqualTo("0.00");
        assertThat(usdt.get("provider_held_by").isObject()).isTrue();
        assertThat(usdt.get("provider_held_by").isEmpty()).isTrue();
        // Plain notation on the wire, with the asset's precision (not 0E-8).
        assertThat(r.body()).contains("\"BTC\":{\"available\":0.00000000,\"pending\":0.00000000");
    }

    @Test
    void balancesAreDerivedFromTheJournalAndPostedOncePerKey() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        StoreId store = StoreId.parse(m.storeId()).orElseThrow();
        Asset usdt = Asset.USDT_TRC20;
        JournalEntry detected = new JournalEntry("test:" + store + ":detected", "detected", List.of(
                new Posting(store, AccountKind.EXTERNAL, usdt, new BigDecimal("-100.14")),
                new Posting(store, AccountKind.PENDING, usdt, new BigDecimal("100.14"))));
        JournalEntry completed = new JournalEntry("test:" + store + ":completed", "completed", List.of(
                new Posting(store, AccountKind.PENDING, usdt, new BigDecimal("-100.14")),
                new Posting(store, AccountKind.AVAILABLE, usdt, new BigDecimal("98.64")),
                new Posting(store, AccountKind.COMMISSION, usdt, new BigDecimal("1.50"))));
        assertThat(ledger.post(detected)).isTrue();
        assertThat(ledger.post(detected)).isFalse();
        assertThat(ledger.post(completed)).isTrue();

        JsonNode b = m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo("98.64");
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("total_received").decimalValue()).isEqualByComparingTo("100.14");
        assertThat(b.get("total_commission").decimalValue()).isEqualByComparingTo("1.50");
        assertThat(b.get("total_withdrawn").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("provider_held").decimalValue()).as("on Paymux's own addresses").isEqualByComparingTo("0");
    }

    @Test
    void fiatMoneyAProviderHoldsHasItsOwnLine() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        StoreId store = StoreId.parse(m.storeId()).orElseThrow();
        assertThat(ledger.post(new JournalEntry("test:" + store + ":card", "card payment", List.of(
                new Posting(store, AccountKind.EXTERNAL, Fiat.RUB, new BigDecimal("-1000.5")),
                new Posting(store, AccountKind.AVAILABLE, Fiat.RUB, new BigDecimal("1000.5"), "soprano-a"))))).isTrue();

        var r = m.get("/api/v1/merchant/balance");
        assertThat(r.body()).contains("\"RUB\":{\"available\":1000.50,\"pending\":0.00,\"total_received\":1000.50,"
                + "\"total_withdrawn\":0.00,\"total_commission\":0.00,\"provider_held\":1000.50,"
                + "\"provider_held_by\":{\"soprano-a\":1000.50}}");
        assertThat(r.data().get("USDT_TRC20").get("available").toString()).isEqualTo("0.00");
    }
}
