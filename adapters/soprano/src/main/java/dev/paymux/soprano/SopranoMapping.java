package dev.paymux.soprano;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.spi.StatusTable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** The one translation between Soprano's JSON records and the SPI's records. */
final class SopranoMapping {

    /** Fiat amounts go to Soprano with two decimals, as its example ({@code 1000.00}). */
    static final int SCALE = 2;

    private final String instance;
    private final long merchantId;
    private final StatusTable statuses;

    SopranoMapping(String instance, long merchantId, StatusTable statuses) {
        this.instance = instance;
        this.merchantId = merchantId;
        this.statuses = statuses;
    }

    /**
     * The create request. Soprano charges the amount in the currency it is given and converts nothing, so a
     * pay currency other than the intent's currency is refused here rather than at Soprano.
     */
    SopranoClient.CreatePayment createRequest(PaymentIntent intent) {
        if (intent.payCurrency() != null && !intent.payCurrency().equalsIgnoreCase(intent.currency())) {
            throw new ProviderException(Kind.REJECTED, instance, "Soprano does not convert currencies: the amount must "
                    + "be given in the pay currency " + intent.payCurrency(), null);
        }
        BigDecimal amount;
        try {
            amount = intent.amount().setScale(SCALE, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new ProviderException(Kind.REJECTED, instance,
                    "Soprano takes amounts with at most " + SCALE + " decimals", null);
        }
        // The reference goes into the description when the merchant gave none, so Soprano's dashboard shows it.
        String description = intent.description() != null ? intent.description() : "Payment " + intent.reference();
        return new SopranoClient.CreatePayment(merchantId, amount, intent.currency().toUpperCase(Locale.ROOT),
                description, intent.reference());
    }

    /** A payment Soprano answered, checked for the fields the gateway cannot do without. */
    ProviderPayment payment(SopranoClient.SopranoPayment p, boolean needsUrl) {
        if (p == null || blank(p.paymentId()) || blank(p.status())) {
            throw malformed("Soprano's payment has no payment_id or status");
        }
        if (needsUrl && blank(p.paymentUrl())) {
            throw malformed("Soprano's new payment has no payment_url");
        }
        ProviderStatus status = statuses.map(p.status());
        return new ProviderPayment(new ProviderReference(instance, p.paymentId(), null), status, null, p.amount(),
                p.currency(), p.paymentUrl(), received(status, p.amount()), null, null);
    }

    /** A verified callback's update; null when the body lacks what identifies it. */
    ProviderUpdate update(SopranoClient.Webhook w) {
        if (w == null || blank(w.paymentId()) || blank(w.status())) {
            return null;
        }
        ProviderStatus status = statuses.map(w.status());
        return new ProviderUpdate(blank(w.orderId()) ? null : w.orderId(), w.paymentId(), status,
                received(status, w.amount()), w.currency(), null, dedupeKey(w));
    }

    /**
     * Payment id, status and amount identify a callback; the timestamp does not (a resent callback may
     * carry a new one). The amount is normalised so {@code 1000.0} and {@code 1000.00} are the same.
     */
    String dedupeKey(SopranoClient.Webhook w) {
        String amount = w.amount() == null ? "-" : w.amount().stripTrailingZeros().toPlainString();
        return "soprano:" + instance + ":" + w.paymentId() + ":" + w.status().toLowerCase(Locale.ROOT) + ":" + amount;
    }

    // A card payment is all or nothing: Soprano's amount is what was received only once it says success.
    private static BigDecimal received(ProviderStatus status, BigDecimal amount) {
        return status.status() == PaymentStatus.COMPLETED ? amount : null;
    }

    private ProviderException malformed(String message) {
        return new ProviderException(Kind.MALFORMED, instance, message, null);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
