package dev.paymux.api.selection;

import dev.paymux.api.payment.PaymentViews;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.rates.Pricing;
import dev.paymux.core.rates.RateProvider;
import dev.paymux.core.rates.RatesUnavailableException;
import dev.paymux.core.routing.RouteDecision;
import dev.paymux.core.routing.RoutedCheckout;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.Stores;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The customer's choice of pay-in asset, for the selection API and the hosted selection page alike: what
 * each asset would cost and whether it can be paid now, and the choice itself — placed natively, or
 * routed to the cheapest provider instance when the store routes its payments.
 */
@Component
public class Selections {

    private final PaymentService payments;
    private final Stores stores;
    private final RateProvider rates;
    private final Checkout checkout;
    private final RoutedCheckout routed;
    private final PaymentViews views;
    private final Clock clock;

    Selections(PaymentService payments, Stores stores, RateProvider rates, Checkout checkout, RoutedCheckout routed,
            PaymentViews views, Clock clock) {
        this.payments = payments;
        this.stores = stores;
        this.rates = rates;
        this.checkout = checkout;
        this.routed = routed;
        this.views = views;
        this.clock = clock;
    }

    /**
     * One asset as the customer sees it.
     *
     * @param amount     what the customer would pay in it, or null when no rate is available
     * @param available  whether it can be paid now (a rate, and for a routed store an eligible provider)
     * @param reason     why not, or null
     */
    public record Option(Asset asset, BigDecimal amount, boolean available, String reason) {

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
        Optional<StoreRouting> routing = checkout.routing(store);
        List<Option> options = store.assets().stream().map(asset -> option(payment, store, asset, routing)).toList();
        return new View(payment, store, options, null);
    }

    /** Chooses the asset; a second choice returns the payment the first one made. */
    public View choose(String token, Asset asset) {
        checkout.choose(token, asset);
        return view(token);
    }

    private Option option(Payment payment, Store store, Asset asset, Optional<StoreRouting> routing) {
        BigDecimal amount;
        try {
            amount = Pricing.toAsset(payment.price(), asset, needsRates(payment, asset) ? rates.current() : null,
                    clock.instant()).amount();
        } catch (RatesUnavailableException e) {
            return new Option(asset, null, false, "no exchange rate is available right now");
        }
        if (routing.isPresent()) {
            RouteDecision decision = routed.preview(store, asset, amount, routing.get().rules());
            if (decision.chosen().isEmpty()) {
                return new Option(asset, amount, false, "no payment provider can take it right now");
            }
            // With fees passed on, the customer pays the price plus the fee of the instance that would take it.
            amount = routing.get().customerAmount(amount, decision.chosen().get().cost());
        }
        return new Option(asset, amount, true, null);
    }

    private static boolean needsRates(Payment payment, Asset asset) {
        Payment.Price p = payment.price();
        return !(p.kind() == Payment.Price.Kind.PRICING && p.currency().equals("USD") && asset.ticker().equals("usdt"));
    }
}
