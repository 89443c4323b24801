package dev.paymux.exchanger;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.StatusTable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exchanger's order statuses, every one its document lists, and what each means for the Paymux
 * payment. The reasons are in the module README's status table.
 */
final class ExchangerStatuses {

    private static final Logger log = LoggerFactory.getLogger(ExchangerStatuses.class);

    static final Map<String, PaymentStatus> DOCUMENTED;

    /** Statuses in which the exchanger has accepted the customer's payment (so {@code inAmount} was paid). */
    static final Set<String> PAID = Set.of("inprogresspayout", "errorpayout", "done", "returned");

    static {
        Map<String, PaymentStatus> m = new LinkedHashMap<>();
        m.put("new", PaymentStatus.PENDING);
        m.put("waitPayment", PaymentStatus.PENDING);
        m.put("errorPayment", PaymentStatus.FAILED);
        m.put("inProgress", PaymentStatus.CONFIRMING);
        m.put("inProgressPayout", PaymentStatus.CONFIRMING);
        m.put("errorPayout", PaymentStatus.CONFIRMING);
        m.put("hold", PaymentStatus.CONFIRMING);
        m.put("done", PaymentStatus.COMPLETED);
        m.put("returned", PaymentStatus.REFUNDED);
        m.put("deleted", PaymentStatus.FAILED);
        DOCUMENTED = Collections.unmodifiableMap(m);
    }

    private ExchangerStatuses() {
    }

    /** The table, reporting an undocumented status to the log of the instance that met it. */
    static StatusTable table(String instance) {
        return StatusTable.of(DOCUMENTED, raw -> log.warn(
                "exchanger instance {} reported an undocumented order status '{}'; leaving the payment as it is",
                instance, Printable.of(raw, 40)));
    }

    static boolean paid(String raw) {
        return raw != null && PAID.contains(raw.toLowerCase(Locale.ROOT));
    }
}
