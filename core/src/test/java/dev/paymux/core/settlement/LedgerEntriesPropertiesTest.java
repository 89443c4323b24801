package dev.paymux.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.ledger.AccountKind;
import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every entry of a transfer's life balances, and the commission never exceeds its share or goes negative. */
class LedgerEntriesPropertiesTest {

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("0.000001"), new BigDecimal("1000000000"))
                .ofScale(6);
    }

    @Provide
    Arbitrary<BigDecimal> percents() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("99.9999")).ofScale(4);
    }

    @Property
    void entriesBalanceAndCommissionIsBounded(@ForAll("amounts") BigDecimal amount, @ForAll("percents") BigDecimal percent) {
        TransferRecord t = new TransferRecord(new TransferKey(Chain.TRON, "tx", 0), Asset.USDT_TRC20, "T", amount, 1L,
                "h", Instant.EPOCH, 19, true, false, 1, PaymentId.random(), new StoreId(UUID.randomUUID()),
                TransferRecord.Match.PAYMENT);
        for (JournalEntry e : new JournalEntry[] {LedgerEntries.detected(t), LedgerEntries.dropped(t),
                LedgerEntries.finalized(t, percent)}) {
            assertThat(e.postings().stream().map(JournalEntry.Posting::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                    .isEqualByComparingTo("0");
        }
        BigDecimal fee = LedgerEntries.finalized(t, percent).postings().stream()
                .filter(p -> p.kind() == AccountKind.COMMISSION).findFirst().orElseThrow().amount();
        assertThat(fee.signum()).isGreaterThanOrEqualTo(0);
        assertThat(fee.scale()).isLessThanOrEqualTo(Asset.USDT_TRC20.decimals());
        assertThat(fee).isLessThanOrEqualTo(amount.multiply(percent).movePointLeft(2));
    }
}
