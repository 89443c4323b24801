package dev.paymux.core.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything that happened to one payment, for the people who look after it: status changes, the
 * routing decision with every candidate, attempts at providers, provider callbacks, chain transfers,
 * ledger postings and webhook deliveries. A read model over what the rest of Paymux records.
 */
public interface PaymentTimelines {

    Timeline of(PaymentId payment);

    /** One payment's history; each list oldest first. */
    record Timeline(List<Entry> entries, List<RouteCandidate> candidates, List<Delivery> deliveries) {
    }

    /**
     * One thing that happened.
     *
     * @param kind   {@code status}, {@code routing}, {@code attempt}, {@code callback}, {@code chain},
     *               {@code ledger} or {@code webhook}
     * @param title  what happened, in a few words
     * @param detail the particulars, or null
     */
    record Entry(Instant at, String kind, String title, String detail) {
    }

    /** A provider instance the router weighed, with its quote and why it was or was not eligible. */
    record RouteCandidate(int position, String instance, String type, boolean eligible, BigDecimal cost,
            String currency, String reason, boolean placed) {
    }

    /** A webhook event of the payment and where its delivery stands. */
    record Delivery(String eventId, String type, String state, int attempts, Integer lastStatusCode, String lastError,
            Instant createdAt, Instant deliveredAt) {
    }
}
