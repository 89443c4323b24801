package dev.paymux.core.checkout;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.CreateDonation;
import dev.paymux.core.payment.CreatePayment;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.payment.PaymentService;
import dev.paymux.core.payment.PaymentService.Created;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.rates.RatesUnavailableException;
import dev.paymux.core.routing.ProviderUnavailableException;
import dev.paymux.core.routing.RouteDecision;
import dev.paymux.core.routing.RoutedCheckout;
import dev.paymux.core.routing.RoutedCheckout.Conversion;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The one way a payment is created or a customer's choice of asset is applied: the merchant API, the
 * selection API and page and the donation endpoint all come here. Which way a store's payments go is
 * decided here only:
 * <ul>
 * <li>the store routes its payments: the {@link RoutedCheckout} picks the cheapest provider instance, and
 *     Paymux converts the price at its rates;</li>
 * <li>the store is handed to one provider instance: routing with that one candidate, the provider pricing
 *     and converting the payment itself (a RUB price at a fiat provider stays RUB). Like any routed
 *     payment it is stored before the provider is called, every call is an attempt recorded before it
 *     starts, and a retry with the same {@code order_id} resumes the same payment with the same
 *     reference at the provider;</li>
 * <li>otherwise, and for a store handed to a native instance, Paymux takes the payment itself.</li>
 * </ul>
 * Donations are always taken natively: they are paid on chain to the store's own addresses.
 */
public final class Checkout {

    private static final String NATIVE = "native";

    private final PaymentService payments;
    private final RoutedCheckout routed;
    private final Stores stores;
    private final StoreRoutings routings;
    private final StoreProviders assigned;
    private final Function<String, Optional<PaymentProvider>> routable;
    private final Transactions tx;

    /**
     * @param assigned  the provider instance a store is handed to, if any
     * @param routable  an instance that may take new payments (configured and enabled)
     */
    public Checkout(PaymentService payments, RoutedCheckout routed, Stores stores, StoreRoutings routings,
            StoreProviders assigned, Function<String, Optional<PaymentProvider>> routable, Transactions tx) {
        this.payments = payments;
        this.routed = routed;
        this.stores = stores;
        this.routings = routings;
        this.assigned = assigned;
        this.routable = routable;
        this.tx = tx;
    }

    /** How a routed store's payments are routed; a store whose payments Paymux takes itself has none. */
    private record Routed(StoreRouting routing, Conversion conversion) {
    }

    /** Creates a payment; the same {@code order_id} returns (and, if no provider holds it yet, resumes) the first. */
    public Created create(Store store, CreatePayment cmd) {
        Optional<Routed> way = wayOf(store);
        return way.isPresent() ? routed.create(store, cmd, way.get().routing(), way.get().conversion())
                : payments.create(store, cmd);
    }

    /** The customer's choice of asset for a payment awaiting it; a second choice returns what the first made. */
    public Payment choose(String token, Asset asset) {
        Payment peek = payments.selection(token);
        Store store = stores.findById(peek.storeId())
                .orElseThrow(() -> new PaymentException(PaymentException.Reason.NOT_FOUND, "selection not found"));
        Optional<Routed> way = wayOf(store);
        return way.isPresent() ? routed.choose(token, asset, store, way.get().routing()) : payments.choose(token, asset);
    }

    /** Takes a donation (natively, see the class comment). */
    public Payment donate(Store store, CreateDonation cmd) {
        return payments.donate(store, cmd);
    }

    /**
     * Each asset the store accepts, as the customer choosing one for this payment sees it now: the amount
     * to pay and whether it can be chosen. The selection API and the hosted selection page both show this.
     * An asset is offered as unavailable for what {@link #choose} would refuse it for, checked the same
     * way: a store whose payments Paymux takes itself needs a receiving address for it
     * ({@link PaymentService#canReceive}, the check behind the refusal), a routed store a provider instance
     * the router would pick now (the decision a choice is routed by), and either needs a rate to convert
     * the price. A provider may still refuse when it is asked; the choice then answers that.
     */
    public List<Offer> offers(Payment selection, Store store) {
        Optional<StoreRouting> routing = wayOf(store).map(Routed::routing);
        return store.assets().stream().map(asset -> offer(selection, store, asset, routing)).toList();
    }

    private Offer offer(Payment selection, Store store, Asset asset, Optional<StoreRouting> routing) {
        BigDecimal amount;
        try {
            amount = payments.convert(selection.price(), asset).amount();
        } catch (RatesUnavailableException e) {
            amount = null;
        }
        if (routing.isEmpty()) {
            // No address outranks no rate: a rate comes back by itself, an address does not.
            if (!payments.canReceive(store.id(), asset)) {
                return new Offer(asset, amount, Offer.Unavailable.NO_ADDRESS);
            }
            return new Offer(asset, amount, amount == null ? Offer.Unavailable.NO_RATE : null);
        }
        if (amount == null) {
            return new Offer(asset, null, Offer.Unavailable.NO_RATE);
        }
        RouteDecision decision = routed.preview(store, asset, amount, routing.get().rules());
        if (decision.chosen().isEmpty()) {
            return new Offer(asset, amount, Offer.Unavailable.NO_PROVIDER);
        }
        // With fees passed on, the customer pays the price plus the fee of the instance that would take it.
        return new Offer(asset, routing.get().customerAmount(amount, decision.chosen().get().cost()), null);
    }

    private Optional<Routed> wayOf(Store store) {
        Optional<StoreRouting> routing = tx.inTransaction(() -> routings.find(store.id())).filter(StoreRouting::enabled);
        if (routing.isPresent()) {
            return Optional.of(new Routed(routing.get(), Conversion.PAYMUX));
        }
        Optional<String> instance = tx.inTransaction(() -> assigned.instanceOf(store.id()));
        if (instance.isEmpty()) {
            return Optional.empty();
        }
        // A disabled instance still answers callbacks for its payments but takes no new ones.
        PaymentProvider provider = routable.apply(instance.get()).orElseThrow(() -> new ProviderUnavailableException(
                "the store's provider instance " + instance.get() + " is not configured or disabled", null));
        if (NATIVE.equals(provider.type())) {
            return Optional.empty();
        }
        return Optional.of(new Routed(StoreRouting.pinnedTo(instance.get()), Conversion.PROVIDER));
    }
}
