package dev.paymux.core.webhook;

import dev.paymux.core.payment.Payment;
import dev.paymux.core.text.JsonText;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The seed's webhook body, rendered once when the event is written so every retry sends the same bytes.
 * Compact JSON in the seed's field order, amounts as plain numbers, plus {@code event_id}.
 */
public final class WebhookPayload {

    private WebhookPayload() {
    }

    public static String render(EventId id, String type, Payment.Snapshot p) {
        int scale = p.asset() == null ? 2 : p.asset().displayScale();
        BigDecimal amount = p.amountWithCents() != null ? p.amountWithCents() : p.amountRequested();
        StringBuilder b = new StringBuilder(256);
        b.append('{');
        field(b, "event_id", id.toString()).append(',');
        field(b, "event", type).append(',');
        field(b, "payment_id", p.id().toString()).append(',');
        field(b, "order_id", p.orderId()).append(',');
        number(b, "amount", amount, scale).append(',');
        number(b, "amount_received", p.amountReceived(), scale).append(',');
        field(b, "currency", p.asset() == null ? null : p.asset().name()).append(',');
        field(b, "tx_hash", p.txHash()).append(',');
        field(b, "confirmed_at", iso(p.confirmedAt())).append(',');
        field(b, "status", p.status().wire()).append(',');
        b.append("\"metadata\":").append(p.metadataJson() == null ? "null" : p.metadataJson()).append(',');
        // Who asked for the payment: a widget payment's amount came from the customer's browser.
        field(b, "source", p.source().wire());
        b.append('}');
        return b.toString();
    }

    /** The body of a test event: the same shape, with made-up values the merchant can recognise. */
    public static String renderTest(EventId id, Instant now) {
        StringBuilder b = new StringBuilder(256);
        b.append('{');
        field(b, "event_id", id.toString()).append(',');
        field(b, "event", EventTypes.TEST).append(',');
        field(b, "payment_id", "00000000-0000-0000-0000-000000000000").append(',');
        field(b, "order_id", "TEST").append(',');
        b.append("\"amount\":100.00,\"amount_received\":100.00,");
        field(b, "currency", "USDT_TRC20").append(',');
        field(b, "tx_hash", null).append(',');
        field(b, "confirmed_at", iso(now)).append(',');
        field(b, "status", "completed").append(',');
        b.append("\"metadata\":{\"test\":true},\"source\":\"api\"}");
        return b.toString();
    }

    private static String iso(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static StringBuilder number(StringBuilder b, String name, BigDecimal value, int scale) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            return b.append("null");
        }
        return b.append(value.setScale(Math.max(scale, value.scale())).toPlainString());
    }

    private static StringBuilder field(StringBuilder b, String name, String value) {
        b.append('"').append(name).append("\":");
        if (value == null) {
            return b.append("null");
        }
        return JsonText.quote(b, value);
    }
}
