package dev.paymux.soprano;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.StatusTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Soprano's payment statuses and what they mean in Paymux. The document shows {@code pending} (a new
 * payment) and {@code success} (paid); it names no failure states, so the three any card gateway has
 * ({@code failed}, {@code cancelled} with its US spelling, {@code expired}) are assumed, see the README.
 * Anything else maps to a non-final {@code pending}, marked unknown, and is reconciled by polling.
 */
final class SopranoStatuses {

    private static final Logger log = LoggerFactory.getLogger(SopranoStatuses.class);

    static final Map<String, PaymentStatus> TABLE;

    static {
        Map<String, PaymentStatus> t = new LinkedHashMap<>();
        t.put("pending", PaymentStatus.PENDING);     // documented: created, the customer has not paid yet
        t.put("success", PaymentStatus.COMPLETED);   // documented: paid in full
        t.put("failed", PaymentStatus.FAILED);       // assumed: card declined or payment error
        t.put("cancelled", PaymentStatus.FAILED);    // assumed: cancelled by the customer or Soprano
        t.put("canceled", PaymentStatus.FAILED);     // assumed: the same, US spelling
        t.put("expired", PaymentStatus.EXPIRED);     // assumed: not paid in time
        TABLE = Collections.unmodifiableMap(t);
    }

    private SopranoStatuses() {
    }

    static StatusTable table(String instance) {
        return StatusTable.of(TABLE, raw -> log.warn(
                "Soprano instance {} reported the undocumented status '{}'; the payment stays as it is until "
                        + "reconciliation reads a known one", instance, raw));
    }
}
