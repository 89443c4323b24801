package dev.paymux.core.payment;

import static dev.paymux.core.payment.PaymentStatus.*;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The one table of legal status transitions. Anything not listed here is rejected by the
 * {@link Payment} aggregate. Expired and underpaid payments stay open to late or additional
 * transfers; a reorg may send a confirming or underpaid payment back to pending; a provider may return
 * money it was still processing (confirming to refunded). A failed payment still takes money a provider
 * reports collected after all (its callbacks may race or arrive out of order): money received outranks a
 * failure, while nothing but a refund follows money received.
 */
public final class PaymentTransitions {

    private static final Map<PaymentStatus, Set<PaymentStatus>> TABLE = new EnumMap<>(PaymentStatus.class);

    static {
        allow(SELECTING, PENDING, QUEUED, EXPIRED, FAILED);
        allow(QUEUED, PENDING, EXPIRED, FAILED);
        allow(PENDING, CONFIRMING, COMPLETED, OVERPAID, UNDERPAID, EXPIRED, FAILED);
        allow(CONFIRMING, PENDING, COMPLETED, OVERPAID, UNDERPAID, FAILED, REFUNDED);
        allow(UNDERPAID, PENDING, CONFIRMING, COMPLETED, OVERPAID, FAILED, REFUNDED);
        allow(EXPIRED, CONFIRMING, COMPLETED, OVERPAID, UNDERPAID);
        allow(COMPLETED, REFUNDED);
        allow(OVERPAID, REFUNDED);
        allow(FAILED, COMPLETED, OVERPAID, UNDERPAID);
        allow(REFUNDED);
    }

    private PaymentTransitions() {
    }

    private static void allow(PaymentStatus from, PaymentStatus... to) {
        TABLE.put(from, to.length == 0 ? EnumSet.noneOf(PaymentStatus.class) : EnumSet.of(to[0], to));
    }

    public static boolean isAllowed(PaymentStatus from, PaymentStatus to) {
        return TABLE.get(from).contains(to);
    }

    public static Set<PaymentStatus> allowedFrom(PaymentStatus from) {
        return Set.copyOf(TABLE.get(from));
    }
}
