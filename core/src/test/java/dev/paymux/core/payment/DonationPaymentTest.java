package dev.paymux.core.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.Payment.Slot;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A donation is a payment with a kind and a donor; everything else about it is a payment's. */
class DonationPaymentTest {

    private static final StoreId STORE = new StoreId(UUID.fromString("00000000-0000-0000-0000-000000000002"));
    private static final Instant T0 = Instant.parse("2025-01-15T12:00:00Z");
    private static final Price PRICE = new Price(new BigDecimal("10"), "USDT_TRC20", Price.Kind.ASSET);

    @Test
    void aDonationMovesLikeAPaymentAndKeepsItsDonorThroughRestore() {
        Payment d = Payment.donation(STORE, PRICE, Asset.USDT_TRC20, new BigDecimal("10"), null,
                new Donor("Ana", "Thanks"), T0, T0.plusSeconds(1800));
        assertThat(d.isDonation()).isTrue();
        assertThat(d.status()).isEqualTo(PaymentStatus.QUEUED);
        d.assign(new Slot(1, "Taddr", new BigDecimal("10.00")), T0, T0.plusSeconds(1800));
        d.applyReceipts(new Payment.Receipts(new BigDecimal("10.00"), true, "tx", 19, false), BigDecimal.ZERO, T0);
        assertThat(d.status()).isEqualTo(PaymentStatus.COMPLETED);

        Payment restored = Payment.restore(d.snapshot());
        assertThat(restored.kind()).isEqualTo(PaymentKind.DONATION);
        assertThat(restored.donor()).isEqualTo(new Donor("Ana", "Thanks"));
        assertThat(restored.snapshot()).isEqualTo(d.snapshot());
    }

    @Test
    void anOrdinaryPaymentHasNoDonorAndTheOldSnapshotShapeMeansPayment() {
        Payment p = Payment.inAsset(STORE, "o-1", PRICE, null, Asset.USDT_TRC20, new BigDecimal("10"), null, T0,
                T0.plusSeconds(60));
        assertThat(p.kind()).isEqualTo(PaymentKind.PAYMENT);
        assertThat(p.donor()).isNull();
        Payment.Snapshot s = p.snapshot();
        Payment.Snapshot old = new Payment.Snapshot(s.id(), s.storeId(), s.orderId(), s.status(), s.price(),
                s.metadataJson(), s.createdAt(), s.selectionToken(), s.asset(), s.amountRequested(),
                s.amountWithCents(), s.slot(), s.amountReceived(), s.txHash(), s.confirmations(), s.confirmedAt(),
                s.expiresAt(), s.rate(), s.version());
        assertThat(old).isEqualTo(s);
    }

    @Test
    void donorTextsAreBoundedInCharactersNotBytes() {
        assertThat(new Donor("n".repeat(100), "❤".repeat(500)).message()).hasSize(500);
        assertThatThrownBy(() -> new Donor("n".repeat(101), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Donor(null, "m".repeat(501))).isInstanceOf(IllegalArgumentException.class);
        assertThat(PaymentKind.parse("Donation")).contains(PaymentKind.DONATION);
        assertThat(PaymentKind.parse("gift")).isEmpty();
    }
}
