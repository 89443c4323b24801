package dev.paymux.api.selection;

import dev.paymux.api.payment.PaymentViews;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.checkout.Offer;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.Stores;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The customer's choice of pay-in asset, for the selection API and the hosted selection page alike: what
 * each asset would cost and whether it can be paid now (decided by {@link Checkout#offers}, which checks
 * what a choice would be refused for), and the choice itself — placed natively, or routed to the cheapest
 * provider instance when the store routes its payments.
 */
@Component
public class Selections {

    private final PaymentService payments;
    private final Stores stores;
    private final Checkout checkout;
    private final PaymentViews views;

    Selections(PaymentService payments, Stores stores, Checkout checkout, PaymentViews views) {
        this.payments = payments;
        this.stores = stores;
        this.checkout = checkout;
        this.views = views;
    }

    /**
     * One asset as the customer sees it.
     *
     * @param amount       what the customer would pay in it, or null when no rate is available
     * @param unavailable  why it cannot be paid now, or null when it can
     */
    public record Option(Asset asset, BigDecimal amount, Offer.Unavailable unavailable) {

        /** Whether it can be paid now. */
        public boolean available() {
            return unavailable == null;
        }

        /** Why not, in English words, or null. */
        public String reason() {
            return unavailable == null ? null : unavailable.text();
        }

        public String amountText() {
            return amount == null ? null : amount.setScale(Math.max(asset.displayScale(), amount.scale())).toPlainString();
        }
    }

    /**
     * A selection token resolved.
     *
     * @param options     the store's assets while the customer has not chosen; empty afterwards
     * @param paymentUrl  where the customer pays once an asset is chosen (the checkout or provider page)
     */
    public record View(Payment payment, Store store, List<Option> options, String paymentUrl) {

        /** Whether an asset was chosen (a selection that expired first never was). */
        public boolean chosen() {
            return payment.asset() != null;
        }
    }

    public View view(String token) {
        Payment payment = payments.selection(token);
        Store store = stores.findById(payment.storeId()).orElseThrow();
        if (payment.asset() != null) {
            return new View(payment, store, List.of(), views.paymentUrl(payment));
        }
        if (payment.status() != PaymentStatus.SELECTING) {
            return new View(payment, store, List.of(), null);
        }
        List<Option> options = checkout.offers(payment, store).stream()
                .map(o -> new Option(o.asset(), o.amount(), o.unavailable())).toList();
        return new View(payment, store, options, null);
    }

    /** Chooses the asset; a second choice returns the payment the first one made. */
    public View choose(String token, Asset asset) {
        checkout.choose(token, asset);
        return view(token);
    }
}
