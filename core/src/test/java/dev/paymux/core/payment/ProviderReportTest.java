package dev.paymux.core.payment;

import static dev.paymux.core.payment.PaymentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.ProviderReport.Verdict;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A provider's report judged by the same receipt rules as a native payment, and which news wins. */
class ProviderReportTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final BigDecimal NO_TOLERANCE = BigDecimal.ZERO;

    /** A 1000 RUB card payment handed to a provider. */
    private static Payment rub() {
        Payment p = Payment.atProvider(StoreId.random(), "o-1", new Price(new BigDecimal("1000"), "RUB",
                Price.Kind.FIAT), null, null, new BigDecimal("1000"), T0, T0.plusSeconds(3600));
        p.handOver(null, new BigDecimal("1000.00"), T0, T0.plusSeconds(3600));
        return p;
    }

    private static ProviderReport success(String amount, String currency) {
        return new ProviderReport(COMPLETED, "success", amount == null ? null : new BigDecimal(amount), currency, null);
    }

    private static final ProviderReport FAILURE = new ProviderReport(FAILED, "failed", null, null, null);

    @Test
    void a_fiat_payment_is_booked_in_its_fiat_currency() {
        assertThat(rub().currency()).isEqualTo(Fiat.RUB);
        Payment usdt = Payment.atProvider(StoreId.random(), null, new Price(BigDecimal.TEN, "USD", Price.Kind.FIAT),
                null, Asset.USDT_TRC20, BigDecimal.TEN, T0, T0);
        assertThat(usdt.currency()).isEqualTo(Asset.USDT_TRC20);
    }

    @Test
    void a_success_for_less_than_asked_is_underpaid() {
        Payment p = rub();
        assertThat(p.applyProviderStatus(success("1.0", "RUB"), NO_TOLERANCE, T0)).isEqualTo(Verdict.CHANGED);
        assertThat(p.status()).isEqualTo(UNDERPAID);
        assertThat(p.amountReceived()).isEqualByComparingTo("1");
    }

    @Test
    void a_short_success_within_the_stores_tolerance_is_completed() {
        Payment p = rub();
        p.applyProviderStatus(success("990.00", "rub"), new BigDecimal("1"), T0);
        assertThat(p.status()).isEqualTo(COMPLETED);
        Payment q = rub();
        q.applyProviderStatus(success("989.99", "RUB"), new BigDecimal("1"), T0);
        assertThat(q.status()).isEqualTo(UNDERPAID);
    }

    @Test
    void a_success_for_more_than_asked_is_overpaid_and_the_exact_amount_completed() {
        Payment over = rub();
        over.applyProviderStatus(success("1000.01", "RUB"), NO_TOLERANCE, T0);
        assertThat(over.status()).isEqualTo(OVERPAID);
        Payment exact = rub();
        exact.applyProviderStatus(success("1000.0", null), NO_TOLERANCE, T0);
        assertThat(exact.status()).isEqualTo(COMPLETED);
    }

    @Test
    void an_amount_in_another_currency_cannot_be_judged_so_the_providers_status_stands() {
        Payment p = rub();
        p.applyProviderStatus(success("12.5", "USDT_TRC20"), NO_TOLERANCE, T0);
        assertThat(p.status()).isEqualTo(COMPLETED);
        assertThat(p.amountReceived()).as("not taken in another currency").isEqualByComparingTo("0");
    }

    @Test
    void a_success_without_an_amount_is_the_providers_word_and_one_of_zero_is_not_a_payment() {
        Payment p = rub();
        p.applyProviderStatus(success(null, null), NO_TOLERANCE, T0);
        assertThat(p.status()).isEqualTo(COMPLETED);
        Payment zero = rub();
        assertThat(zero.applyProviderStatus(success("0", "RUB"), NO_TOLERANCE, T0)).isEqualTo(Verdict.SUPERSEDED);
        assertThat(zero.status()).isEqualTo(PENDING);
    }

    @Test
    void a_failure_after_a_success_is_superseded_and_a_success_after_a_failure_wins() {
        Payment paidFirst = rub();
        paidFirst.applyProviderStatus(success("1000", "RUB"), NO_TOLERANCE, T0);
        assertThat(paidFirst.applyProviderStatus(FAILURE, NO_TOLERANCE, T0)).isEqualTo(Verdict.SUPERSEDED);
        assertThat(paidFirst.status()).isEqualTo(COMPLETED);

        Payment failedFirst = rub();
        assertThat(failedFirst.applyProviderStatus(FAILURE, NO_TOLERANCE, T0)).isEqualTo(Verdict.CHANGED);
        assertThat(failedFirst.applyProviderStatus(success("1000", "RUB"), NO_TOLERANCE, T0)).isEqualTo(Verdict.CHANGED);
        assertThat(failedFirst.status()).as("either order ends the same").isEqualTo(paidFirst.status());
    }

    @Test
    void an_underpaid_payment_never_fails_takes_a_top_up_and_a_repeat_agrees() {
        Payment p = rub();
        p.applyProviderStatus(success("400", "RUB"), NO_TOLERANCE, T0);
        assertThat(p.applyProviderStatus(FAILURE, NO_TOLERANCE, T0)).isEqualTo(Verdict.SUPERSEDED);
        assertThat(p.applyProviderStatus(success("600", "RUB"), NO_TOLERANCE, T0)).isEqualTo(Verdict.AGREES);
        assertThat(p.amountReceived()).isEqualByComparingTo("600");
        assertThat(p.applyProviderStatus(success("1000", "RUB"), NO_TOLERANCE, T0)).isEqualTo(Verdict.CHANGED);
        assertThat(p.status()).isEqualTo(COMPLETED);
        assertThat(p.applyProviderStatus(success("1000", "RUB"), NO_TOLERANCE, T0)).isEqualTo(Verdict.AGREES);
    }

    @Test
    void only_a_refund_follows_a_completed_payment_and_pending_is_never_gone_back_to() {
        Payment p = rub();
        p.applyProviderStatus(new ProviderReport(CONFIRMING, "process", null, null, null), NO_TOLERANCE, T0);
        assertThat(p.applyProviderStatus(new ProviderReport(PENDING, "pending", null, null, null), NO_TOLERANCE, T0))
                .isEqualTo(Verdict.SUPERSEDED);
        p.applyProviderStatus(success("1000", "RUB"), NO_TOLERANCE, T0);
        assertThat(p.applyProviderStatus(new ProviderReport(EXPIRED, "expired", null, null, null), NO_TOLERANCE, T0))
                .isEqualTo(Verdict.SUPERSEDED);
        assertThat(p.applyProviderStatus(new ProviderReport(REFUNDED, "refunded", null, null, null), NO_TOLERANCE, T0))
                .isEqualTo(Verdict.CHANGED);
        assertThat(p.status()).isEqualTo(REFUNDED);
    }
}
