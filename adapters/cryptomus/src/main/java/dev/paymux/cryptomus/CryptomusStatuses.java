package dev.paymux.cryptomus;

import static dev.paymux.core.payment.PaymentStatus.COMPLETED;
import static dev.paymux.core.payment.PaymentStatus.CONFIRMING;
import static dev.paymux.core.payment.PaymentStatus.EXPIRED;
import static dev.paymux.core.payment.PaymentStatus.FAILED;
import static dev.paymux.core.payment.PaymentStatus.OVERPAID;
import static dev.paymux.core.payment.PaymentStatus.PENDING;
import static dev.paymux.core.payment.PaymentStatus.REFUNDED;
import static dev.paymux.core.payment.PaymentStatus.UNDERPAID;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.StatusTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cryptomus's {@code payment_status} values (doc.cryptomus.com, "Payment statuses") in Paymux's terms.
 * The README's table gives the reason for each line.
 */
final class CryptomusStatuses {

    private static final Logger LOG = LoggerFactory.getLogger(CryptomusStatuses.class);

    /** Every documented status, in the order of the README table. */
    static final Map<String, PaymentStatus> DOCUMENTED;

    static {
        Map<String, PaymentStatus> m = new LinkedHashMap<>();
        m.put("paid", COMPLETED);
        m.put("paid_over", OVERPAID);
        m.put("wrong_amount", UNDERPAID);
        m.put("wrong_amount_waiting", UNDERPAID);
        m.put("check", PENDING);
        m.put("process", PENDING);
        m.put("confirm_check", CONFIRMING);
        m.put("locked", CONFIRMING);
        m.put("fail", FAILED);
        m.put("system_fail", FAILED);
        m.put("cancel", EXPIRED);
        m.put("refund_process", UNDERPAID);
        m.put("refund_fail", UNDERPAID);
        m.put("refund_paid", REFUNDED);
        DOCUMENTED = Collections.unmodifiableMap(m);
    }

    private CryptomusStatuses() {
    }

    static StatusTable table(String instance) {
        return StatusTable.of(DOCUMENTED, raw -> LOG.warn(
                "Cryptomus instance {} reported undocumented payment_status '{}': left pending, reconciled by polling",
                instance, raw));
    }
}
