package dev.paymux.core.payment;

import static dev.paymux.core.payment.PaymentStatus.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptRulesTest {

    @ParameterizedTest(name = "{0}, expected {1}, tolerance {2}%, received {3}, final {4} -> {5}")
    @CsvSource({
            "PENDING, 100, 0, 0, true, PENDING",
            "CONFIRMING, 100, 0, 0, true, PENDING",
            "UNDERPAID, 100, 0, 0, true, PENDING",
            "EXPIRED, 100, 0, 0, true, EXPIRED",
            "PENDING, 100, 0, 100, false, CONFIRMING",
            "EXPIRED, 100, 0, 100, false, CONFIRMING",
            "CONFIRMING, 100, 0, 100, true, COMPLETED",
            "CONFIRMING, 100, 0, 100.000001, true, OVERPAID",
            "CONFIRMING, 100, 0, 99.999999, true, UNDERPAID",
            "CONFIRMING, 100, 1, 99, true, COMPLETED",
            "CONFIRMING, 100, 1, 98.99, true, UNDERPAID",
            "UNDERPAID, 100, 0, 100, false, CONFIRMING",
    })
    void statusFollowsTheMoney(PaymentStatus current, String expected, String tolerance, String received,
            boolean allFinal, PaymentStatus result) {
        assertThat(ReceiptRules.statusFor(current, new BigDecimal(expected), new BigDecimal(tolerance),
                new BigDecimal(received), allFinal)).isEqualTo(result);
        // Whatever the rules say is a legal move in the transition table.
        if (result != current) {
            assertThat(PaymentTransitions.isAllowed(current, result)).isTrue();
        }
    }
}
