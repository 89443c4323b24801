package dev.paymux.core.payment;

import static dev.paymux.core.payment.PaymentException.Reason.*;

import dev.paymux.core.money.Amounts;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.Payment.Slot;
import dev.paymux.core.rates.Pricing;
import dev.paymux.core.rates.RateProvider;
import dev.paymux.core.rates.RateTable;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creating payments, the customer's asset choice, expiry and the address-slot queue. Every decision
 * that could race (one order id, one slot) is taken under a transaction-scoped lock.
 *
 * <p>A store with an extended public key for the payment's asset gives each payment a freshly derived
 * address of its own and asks for the exact amount; such a payment is never queued. Other stores share
 * their imported address pool, told apart by unique amounts.
 */
public final class PaymentService {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** How many already-known addresses one reservation may skip before giving up. */
    private static final int MAX_SKIPPED_ADDRESSES = 1000;

    private final Payments payments;
    private final Stores stores;
    private final AddressSlots slots;
    private final Locks locks;
    private final Transactions tx;
    private final RateProvider rates;
    private final Clock clock;
    private final SlotPolicy slotPolicy;
    private final DonationPolicy donationPolicy;
    private final DerivedAddresses derived;
    private final AddressDerivation derivation;

    public PaymentService(Payments payments, Stores stores, AddressSlots slots, Locks locks, Transactions tx,
            RateProvider rates, Clock clock, SlotPolicy slotPolicy, DonationPolicy donationPolicy,
            DerivedAddresses derived, AddressDerivation derivation) {
        this.payments = payments;
        this.stores = stores;
        this.slots = slots;
        this.locks = locks;
        this.tx = tx;
        this.rates = rates;
        this.clock = clock;
        this.slotPolicy = slotPolicy;
        this.donationPolicy = donationPolicy;
        this.derived = derived;
        this.derivation = derivation;
    }

    /** The payment and whether this call created it (false: an earlier call with the same order id did). */
    public record Created(Payment payment, boolean created) {
    }

    public Created create(Store store, CreatePayment cmd) {
        return create(store, cmd, null);
    }

    /**
     * Creates a payment that Paymux does not place itself: one in a known asset stays {@code queued} and
     * {@code hold} runs on it in the creating transaction, after it is stored (the router records its
     * decision there, which keeps the payment out of the native slot queue). A payment awaiting the
     * customer's choice is created as usual.
     */
    public Created createHeld(Store store, CreatePayment cmd, Consumer<Payment> hold) {
        return create(store, cmd, java.util.Objects.requireNonNull(hold, "hold"));
    }

    /**
     * Creates a payment that a provider prices and converts itself (a store handed to one provider): it is
     * stored {@code queued} in what the merchant asked for — a fiat amount, or an amount in the store's
     * asset — to be paid in the currency the merchant named or the price's asset, else in what the
     * provider's page offers. {@code hold} runs on it in the creating transaction, after it is stored. The
     * same {@code order_id} returns the earlier payment.
     */
    public Created createAtProvider(Store store, CreatePayment cmd, Consumer<Payment> hold) {
        java.util.Objects.requireNonNull(hold, "hold");
        Asset target = targetAsset(store, cmd);
        Price price = price(store, cmd, target);
        Asset pay = cmd.asset() != null ? cmd.asset() : price.kind() == Price.Kind.ASSET ? target : null;
        Instant now = clock.instant();
        return tx.inTransaction(() -> {
            Optional<Payment> existing = existing(store, cmd);
            if (existing.isPresent()) {
                requireSamePrice(existing.get(), price, cmd);
                return new Created(existing.get(), false);
            }
            Payment payment = Payment.atProvider(store.id(), cmd.orderId(), price, cmd.metadataJson(), pay,
                    price.amount(), now, now.plus(store.lifetime()), cmd.source());
            payments.insert(payment);
            hold.accept(payment);
            return new Created(payment, true);
        });
    }

    /**
     * The payment an earlier create with the same order id made; takes the order-id lock first. The earlier
     * payment is returned only to a request from the same source: a widget request cannot claim an order id
     * the merchant's server made a payment for, nor the other way round. A widget request also gets it only
     * for the same price, so a browser cannot pass an earlier payment off as another amount.
     */
    private Optional<Payment> existing(Store store, CreatePayment cmd) {
        if (cmd.orderId() == null) {
            return Optional.empty();
        }
        locks.lockOrder(store.id(), cmd.orderId());
        Optional<Payment> earlier = payments.findByOrderId(store.id(), cmd.orderId());
        if (earlier.isPresent() && earlier.get().source() != cmd.source()) {
            throw new PaymentException(CONFLICT, "order_id " + cmd.orderId() + " is already used by a payment made by the "
                    + (earlier.get().source() == PaymentSource.WIDGET ? "payment widget" : "merchant's API"));
        }
        return earlier;
    }

    /** A widget's repeated create must ask for what the first asked for. */
    private static void requireSamePrice(Payment earlier, Price price, CreatePayment cmd) {
        if (cmd.source() == PaymentSource.WIDGET && (earlier.price().amount().compareTo(price.amount()) != 0
                || !earlier.price().currency().equals(price.currency()))) {
            throw new PaymentException(CONFLICT, "order_id " + cmd.orderId() + " is already used with another amount");
        }
    }

    private Created create(Store store, CreatePayment cmd, Consumer<Payment> hold) {
        if (store.assets().isEmpty()) {
            throw new PaymentException(UNPROCESSABLE, "the store accepts no currency yet");
        }
        Asset target = targetAsset(store, cmd);
        Price price = price(store, cmd, target);
        Instant now = clock.instant();
        Pricing.Converted converted = target == null ? null : Pricing.toAsset(price, target, ratesFor(price, target), now);

        return tx.inTransaction(() -> {
            Optional<Payment> existing = existing(store, cmd);
            if (existing.isPresent()) {
                requireSamePrice(existing.get(), price, cmd);
                return new Created(existing.get(), false);
            }
            Payment payment;
            if (target == null) {
                payment = Payment.selecting(store.id(), cmd.orderId(), price, cmd.metadataJson(), newToken(), now,
                        now.plus(store.lifetime()), cmd.source());
            } else {
                payment = Payment.inAsset(store.id(), cmd.orderId(), price, cmd.metadataJson(), target,
                        converted.amount(), converted.rate(), now, now.plus(store.lifetime()), cmd.source());
                if (hold == null) {
                    place(payment, store, now);
                }
            }
            payments.insert(payment);
            if (hold != null && target != null) {
                hold.accept(payment);
            }
            return new Created(payment, true);
        });
    }

    /**
     * Takes a donation: a payment of kind {@code DONATION} in the chosen asset, given an address exactly like
     * a payment. Donations have no order id, so every call makes a new one. Anyone may donate, so a donation
     * never waits for an address: it is refused ({@code BUSY}, nothing written) when the store already has
     * {@link DonationPolicy#maxOpenPerStore} unpaid ones, or when no address is free for it — the store's
     * own payments keep their slots and their place in the queue.
     */
    public Payment donate(Store store, CreateDonation cmd) {
        if (!store.donationsEnabled()) {
            throw new PaymentException(FORBIDDEN, "donations are not enabled for this store");
        }
        Asset asset = cmd.asset();
        if (asset == null) {
            throw new PaymentException(INVALID, "currency is required");
        }
        if (!CreateDonation.ASSETS.contains(asset)) {
            throw new PaymentException(INVALID, "currency must be one of " + String.join(", ",
                    CreateDonation.ASSETS.stream().map(Asset::name).toList()));
        }
        if (!store.accepts(asset)) {
            throw new PaymentException(INVALID, "currency " + asset.name() + " is not accepted by this store");
        }
        Price price = donationPrice(cmd, asset);
        Instant now = clock.instant();
        Pricing.Converted converted = Pricing.toAsset(price, asset, ratesFor(price, asset), now);
        return tx.inTransaction(() -> {
            locks.lockDonations(store.id());
            if (payments.countOpenDonations(store.id(), now) >= donationPolicy.maxOpenPerStore()) {
                throw new PaymentException(BUSY, "too many unpaid donations for this store; try again later");
            }
            Payment donation = Payment.donation(store.id(), price, asset, converted.amount(), converted.rate(),
                    cmd.donor(), now, now.plus(store.lifetime()));
            place(donation, store, now);
            if (donation.status() == PaymentStatus.QUEUED) {
                // Thrown inside the transaction: whatever placing it expired or promoted rolls back too,
                // the expiry sweep does that again.
                throw new PaymentException(BUSY, "no address is free for a donation now; try again later");
            }
            payments.insert(donation);
            return donation;
        });
    }

    /** A derived address when the store has a key for the asset; else a pool slot, or the queue. */
    private void place(Payment payment, Store store, Instant now) {
        if (!assignDerived(payment, store, now)) {
            requireAddresses(store, payment.asset());
            locks.lockSlots(store.id(), payment.asset());
            promoteLocked(store, payment.asset(), now);
            tryAssign(payment, store, now);
        }
    }

    /**
     * Places a queued payment (a derived address, or a free pool slot); it stays queued when no slot is
     * free. Other statuses are returned as they are. This is the native provider's "create".
     */
    public Payment placeQueued(PaymentId id) {
        return tx.inTransaction(() -> {
            Payment payment = payments.lock(id).orElseThrow(() -> new PaymentException(NOT_FOUND, "payment not found"));
            if (payment.status() != PaymentStatus.QUEUED) {
                return payment;
            }
            Store store = stores.findById(payment.storeId()).orElseThrow();
            place(payment, store, clock.instant());
            payments.update(payment);
            return payment;
        });
    }

    public Optional<Payment> find(StoreId store, PaymentId id) {
        return payments.find(store, id);
    }

    public PaymentPage list(PaymentQuery query) {
        return payments.list(query);
    }

    /** The payment behind a selection token, whether the customer has chosen yet or not. */
    public Payment selection(String token) {
        return tx.inTransaction(() -> payments.lockBySelectionToken(token))
                .orElseThrow(() -> new PaymentException(NOT_FOUND, "selection not found"));
    }

    /**
     * The customer's choice of asset. A second choice returns the payment the first one made; a choice
     * after the token expired is refused.
     */
    public Payment choose(String token, Asset asset) {
        return choose(token, asset, null);
    }

    /** The customer's choice for a payment Paymux does not place itself: see {@link #createHeld}. */
    public Payment chooseHeld(String token, Asset asset, Consumer<Payment> hold) {
        return choose(token, asset, java.util.Objects.requireNonNull(hold, "hold"));
    }

    private Payment choose(String token, Asset asset, Consumer<Payment> hold) {
        Payment peek = selection(token);
        if (peek.status() != PaymentStatus.SELECTING) {
            return peek;
        }
        Store store = stores.findById(peek.storeId()).orElseThrow(() -> new PaymentException(NOT_FOUND, "selection not found"));
        if (!store.accepts(asset)) {
            throw new PaymentException(INVALID, "currency " + asset.name() + " is not accepted by this store");
        }
        Instant now = clock.instant();
        Pricing.Converted converted = convert(peek.price(), asset, now);
        return tx.inTransaction(() -> {
            Payment payment = payments.lockBySelectionToken(token).orElseThrow();
            if (payment.status() != PaymentStatus.SELECTING) {
                return payment;
            }
            if (!payment.expiresAt().isAfter(now)) {
                throw new PaymentException(GONE, "the selection has expired");
            }
            payment.choose(asset, converted.amount(), converted.rate(), now, now.plus(store.lifetime()));
            if (hold == null) {
                place(payment, store, now);
            }
            payments.update(payment);
            if (hold != null) {
                hold.accept(payment);
            }
            return payment;
        });
    }

    /**
     * What a price comes to in an asset at the current rates, as a choice of that asset converts it.
     *
     * @throws dev.paymux.core.rates.RatesUnavailableException when the conversion needs a rate and none is
     *         available
     */
    public Pricing.Converted convert(Price price, Asset asset) {
        return convert(price, asset, clock.instant());
    }

    private Pricing.Converted convert(Price price, Asset asset, Instant now) {
        return Pricing.toAsset(price, asset, ratesFor(price, asset), now);
    }

    /**
     * Whether the store has somewhere to receive a payment in the asset: an extended public key to derive
     * a fresh address from, or an address of its imported pool. Without one, a payment in the asset is
     * refused ({@code UNPROCESSABLE}); this is the check that refuses it.
     */
    public boolean canReceive(StoreId store, Asset asset) {
        return tx.inTransaction(() -> hasReceivingAddress(store, asset));
    }

    private boolean hasReceivingAddress(StoreId store, Asset asset) {
        return XpubService.derivable(asset) && derived.find(store, asset).isPresent()
                || slots.hasAddresses(store, asset);
    }

    /**
     * Expires open payments whose time is up, then gives freed slots to queued payments in FIFO order.
     *
     * @return how many payments expired
     */
    public int expireDue() {
        Instant now = clock.instant();
        Set<Payments.StoreAsset> freed = new LinkedHashSet<>();
        int expired = tx.inTransaction(() -> {
            int n = 0;
            for (Payment p : payments.lockDueForExpiry(now, 500)) {
                p.expire(now);
                payments.update(p);
                n++;
            }
            return n;
        });
        freed.addAll(payments.withQueued());
        for (Payments.StoreAsset sa : freed) {
            promoteQueued(sa.store(), sa.asset());
        }
        return expired;
    }

    /** Gives free slots to the queued payments of a store and asset, oldest first; returns how many got one. */
    public int promoteQueued(StoreId storeId, Asset asset) {
        Store store = stores.findById(storeId).orElseThrow();
        return tx.inTransaction(() -> {
            locks.lockSlots(storeId, asset);
            return promoteLocked(store, asset, clock.instant());
        });
    }

    private int promoteLocked(Store store, Asset asset, Instant now) {
        for (Payment due : payments.lockDueForExpiry(store.id(), asset, now)) {
            due.expire(now);
            payments.update(due);
        }
        int promoted = 0;
        for (Payment queued : payments.lockQueued(store.id(), asset)) {
            if (tryAssign(queued, store, now)) {
                payments.update(queued);
                promoted++;
            }
        }
        return promoted;
    }

    private boolean tryAssign(Payment payment, Store store, Instant now) {
        if (assignDerived(payment, store, now)) {
            return true;
        }
        Optional<Slot> slot = slots.findFree(store.id(), payment.asset(), payment.amountRequested(),
                payment.asset().step(), slotPolicy.maxOffsets());
        slot.ifPresent(s -> payment.assign(s, now, now.plus(store.lifetime())));
        return slot.isPresent();
    }

    /**
     * Gives the payment the next derived address of the store's key for its asset, at the exact amount.
     * The index is reserved under the key's row lock; an address the store already has (imported, or
     * derived from an earlier key) is skipped, so no address ever serves two payments.
     *
     * @return false when the store has no key for the asset (the pool decides)
     */
    private boolean assignDerived(Payment payment, Store store, Instant now) {
        Asset asset = payment.asset();
        if (!XpubService.derivable(asset)) {
            return false;
        }
        for (int attempt = 0; attempt < MAX_SKIPPED_ADDRESSES; attempt++) {
            Optional<DerivedAddresses.Reservation> reserved = derived.reserve(store.id(), asset);
            if (reserved.isEmpty()) {
                return false;
            }
            String address;
            try {
                address = derivation.derive(asset, reserved.get().xpub(), reserved.get().index());
            } catch (InvalidExtendedKeyException e) {
                throw new PaymentException(UNPROCESSABLE, "the store's extended public key for " + asset.name()
                        + " cannot be used: " + e.getMessage());
            }
            OptionalLong id = derived.addDerived(store.id(), asset, address, reserved.get().index());
            if (id.isPresent()) {
                payment.assign(new Slot(id.getAsLong(), address, payment.amountRequested()), now,
                        now.plus(store.lifetime()));
                return true;
            }
        }
        throw new PaymentException(UNPROCESSABLE, "no unused address found on the store's extended public key for "
                + asset.name() + " after " + MAX_SKIPPED_ADDRESSES + " indexes");
    }

    private void requireAddresses(Store store, Asset asset) {
        if (!hasReceivingAddress(store.id(), asset)) {
            throw new PaymentException(UNPROCESSABLE, "the store has no receiving address for " + asset.name());
        }
    }

    private static Asset targetAsset(Store store, CreatePayment cmd) {
        if (cmd.asset() != null) {
            if (!store.accepts(cmd.asset())) {
                throw new PaymentException(INVALID, "currency " + cmd.asset().name() + " is not accepted by this store");
            }
            return cmd.asset();
        }
        return store.assets().size() == 1 ? store.assets().get(0) : null;
    }

    private static Price price(Store store, CreatePayment cmd, Asset target) {
        try {
            if (cmd.fiatAmount() != null || cmd.fiat() != null) {
                if (cmd.fiat() == null) {
                    throw new PaymentException(INVALID, "fiat_currency is required with fiat_amount");
                }
                if (cmd.fiatAmount() == null) {
                    throw new PaymentException(INVALID, "fiat_amount is required with fiat_currency");
                }
                return new Price(Amounts.check("fiat_amount", cmd.fiatAmount(), Fiat.SCALE), cmd.fiat().name(),
                        Price.Kind.FIAT);
            }
            if (target != null) {
                return new Price(Amounts.check("amount", cmd.amount(), target.displayScale()), target.name(), Price.Kind.ASSET);
            }
            return new Price(Amounts.check("amount", cmd.amount(), Fiat.SCALE), store.pricingCurrency(), Price.Kind.PRICING);
        } catch (Amounts.InvalidAmountException e) {
            throw new PaymentException(INVALID, e.getMessage());
        }
    }

    private static Price donationPrice(CreateDonation cmd, Asset asset) {
        if (cmd.amount() == null && cmd.fiatAmount() == null) {
            throw new PaymentException(INVALID, "fiat_amount (with fiat_currency, USD by default) or amount "
                    + "(in the currency) is required");
        }
        if (cmd.amount() != null && cmd.fiatAmount() != null) {
            throw new PaymentException(INVALID, "give fiat_amount or amount, not both");
        }
        try {
            if (cmd.fiatAmount() != null) {
                Fiat fiat = cmd.fiat() == null ? Fiat.USD : cmd.fiat();
                return new Price(Amounts.check("fiat_amount", cmd.fiatAmount(), Fiat.SCALE), fiat.name(), Price.Kind.FIAT);
            }
            if (cmd.fiat() != null) {
                throw new PaymentException(INVALID, "fiat_currency goes with fiat_amount, not with amount");
            }
            return new Price(Amounts.check("amount", cmd.amount(), asset.displayScale()), asset.name(), Price.Kind.ASSET);
        } catch (Amounts.InvalidAmountException e) {
            throw new PaymentException(INVALID, e.getMessage());
        }
    }

    private RateTable ratesFor(Price price, Asset asset) {
        boolean atPar = price.kind() == Price.Kind.ASSET
                || (price.kind() == Price.Kind.PRICING && price.currency().equals("USD") && asset.ticker().equals("usdt"));
        return atPar ? null : rates.current();
    }

    private static String newToken() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
