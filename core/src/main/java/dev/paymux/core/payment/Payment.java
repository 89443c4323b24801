package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Currency;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The payment aggregate. It guards its own transitions (see {@link PaymentTransitions}) and records
 * each one as a {@link PaymentStatusChanged} event for the repository to store with it.
 */
public final class Payment {

    private final PaymentId id;
    private final StoreId storeId;
    private final String orderId;
    private final Price price;
    private final String metadataJson;
    private final Instant createdAt;
    private final String selectionToken;
    private final PaymentKind kind;
    private final Donor donor;
    private final PaymentSource source;

    private PaymentStatus status;
    private Asset asset;
    private BigDecimal amountRequested;
    private BigDecimal amountWithCents;
    private Slot slot;
    private BigDecimal amountReceived = BigDecimal.ZERO;
    private String txHash;
    private int confirmations;
    private Instant confirmedAt;
    private Instant expiresAt;
    private RateSnapshot rate;
    private long version;
    private final List<PaymentStatusChanged> events = new ArrayList<>();

    private Payment(PaymentId id, StoreId storeId, String orderId, Price price, String metadataJson,
            Instant createdAt, String selectionToken, PaymentStatus status, PaymentKind kind, Donor donor,
            PaymentSource source) {
        this.id = Objects.requireNonNull(id);
        this.storeId = Objects.requireNonNull(storeId);
        this.orderId = orderId;
        this.price = Objects.requireNonNull(price);
        this.metadataJson = metadataJson;
        this.createdAt = Objects.requireNonNull(createdAt);
        this.selectionToken = selectionToken;
        this.status = status;
        this.kind = Objects.requireNonNull(kind);
        this.donor = kind == PaymentKind.DONATION ? Objects.requireNonNullElse(donor, Donor.ANONYMOUS) : null;
        this.source = Objects.requireNonNull(source);
    }

    /** A payment waiting for the customer to choose the asset. */
    public static Payment selecting(StoreId storeId, String orderId, Price price, String metadataJson,
            String selectionToken, Instant now, Instant expiresAt) {
        return selecting(storeId, orderId, price, metadataJson, selectionToken, now, expiresAt, PaymentSource.API);
    }

    /** A payment waiting for the customer to choose the asset, asked for by {@code source}. */
    public static Payment selecting(StoreId storeId, String orderId, Price price, String metadataJson,
            String selectionToken, Instant now, Instant expiresAt, PaymentSource source) {
        Payment p = new Payment(PaymentId.random(), storeId, orderId, price, metadataJson, now, selectionToken,
                PaymentStatus.SELECTING, PaymentKind.PAYMENT, null, source);
        p.expiresAt = expiresAt;
        p.events.add(new PaymentStatusChanged(p.id, storeId, null, PaymentStatus.SELECTING, "created", now));
        return p;
    }

    /** A payment whose asset is known; it is {@code queued} until {@link #assign} gives it a slot. */
    public static Payment inAsset(StoreId storeId, String orderId, Price price, String metadataJson, Asset asset,
            BigDecimal amountRequested, RateSnapshot rate, Instant now, Instant queueExpiresAt) {
        return inAsset(storeId, orderId, price, metadataJson, asset, amountRequested, rate, now, queueExpiresAt,
                PaymentSource.API);
    }

    /** A payment whose asset is known, asked for by {@code source}. */
    public static Payment inAsset(StoreId storeId, String orderId, Price price, String metadataJson, Asset asset,
            BigDecimal amountRequested, RateSnapshot rate, Instant now, Instant queueExpiresAt, PaymentSource source) {
        return queued(storeId, orderId, price, metadataJson, asset, amountRequested, rate, now, queueExpiresAt,
                PaymentKind.PAYMENT, null, source);
    }

    /**
     * A donation: a payment like any other (same slots, expiry and settlement), without an order id or
     * metadata, carrying what the donor chose to say. The merchant's webhook is never called for it.
     */
    public static Payment donation(StoreId storeId, Price price, Asset asset, BigDecimal amountRequested,
            RateSnapshot rate, Donor donor, Instant now, Instant queueExpiresAt) {
        return queued(storeId, null, price, null, asset, amountRequested, rate, now, queueExpiresAt,
                PaymentKind.DONATION, donor, PaymentSource.API);
    }

    private static Payment queued(StoreId storeId, String orderId, Price price, String metadataJson, Asset asset,
            BigDecimal amountRequested, RateSnapshot rate, Instant now, Instant queueExpiresAt, PaymentKind kind,
            Donor donor, PaymentSource source) {
        Payment p = new Payment(PaymentId.random(), storeId, orderId, price, metadataJson, now, null,
                PaymentStatus.QUEUED, kind, donor, source);
        p.asset = asset;
        p.amountRequested = amountRequested;
        p.rate = rate;
        p.expiresAt = queueExpiresAt;
        p.events.add(new PaymentStatusChanged(p.id, storeId, null, PaymentStatus.QUEUED, "created", now));
        return p;
    }

    /**
     * A payment a provider will take: {@code queued} until {@link #handOver}. {@code asset} is null for a
     * fiat method (a card payment), where the amount is in the price's currency.
     */
    public static Payment atProvider(StoreId storeId, String orderId, Price price, String metadataJson, Asset asset,
            BigDecimal amount, Instant now, Instant expiresAt) {
        return atProvider(storeId, orderId, price, metadataJson, asset, amount, now, expiresAt, PaymentSource.API);
    }

    /** A payment a provider will take, asked for by {@code source}. */
    public static Payment atProvider(StoreId storeId, String orderId, Price price, String metadataJson, Asset asset,
            BigDecimal amount, Instant now, Instant expiresAt, PaymentSource source) {
        Payment p = new Payment(PaymentId.random(), storeId, orderId, price, metadataJson, now, null,
                PaymentStatus.QUEUED, PaymentKind.PAYMENT, null, source);
        p.asset = asset;
        p.amountRequested = amount;
        p.expiresAt = expiresAt;
        p.events.add(new PaymentStatusChanged(p.id, storeId, null, PaymentStatus.QUEUED, "created", now));
        return p;
    }

    /** Rebuilds a stored payment; no events. */
    public static Payment restore(Snapshot s) {
        Payment p = new Payment(s.id(), s.storeId(), s.orderId(), s.price(), s.metadataJson(), s.createdAt(),
                s.selectionToken(), s.status(), s.kind(), s.donor(), s.source());
        p.asset = s.asset();
        p.amountRequested = s.amountRequested();
        p.amountWithCents = s.amountWithCents();
        p.slot = s.slot();
        p.amountReceived = s.amountReceived();
        p.txHash = s.txHash();
        p.confirmations = s.confirmations();
        p.confirmedAt = s.confirmedAt();
        p.expiresAt = s.expiresAt();
        p.rate = s.rate();
        p.version = s.version();
        return p;
    }

    /** The customer chose an asset on the selection page; the payment still needs a slot. */
    public void choose(Asset chosen, BigDecimal amount, RateSnapshot rateUsed, Instant now, Instant queueExpiresAt) {
        if (status != PaymentStatus.SELECTING) {
            throw new IllegalTransitionException(id, status, PaymentStatus.QUEUED);
        }
        transition(PaymentStatus.QUEUED, "asset " + chosen.name() + " chosen", now);
        this.asset = chosen;
        this.amountRequested = amount;
        this.rate = rateUsed;
        this.expiresAt = queueExpiresAt;
    }

    /** Gives a queued payment its receiving address and unique amount: it becomes {@code pending}. */
    public void assign(Slot assigned, Instant now, Instant pendingExpiresAt) {
        transition(PaymentStatus.PENDING, "address assigned", now);
        this.slot = assigned;
        this.amountWithCents = assigned.amount();
        this.expiresAt = pendingExpiresAt;
    }

    /** No provider would take the payment: it fails before the customer ever saw it. */
    public void refuse(String reason, Instant now) {
        transition(PaymentStatus.FAILED, reason, now);
    }

    public void expire(Instant now) {
        transition(PaymentStatus.EXPIRED, "lifetime elapsed", now);
    }

    /**
     * The chain's view of what was paid: updates the received amount, hash and confirmations, and moves
     * the status as {@link ReceiptRules} says. Completed and overpaid payments take no more receipts.
     *
     * @return true when the status changed
     */
    public boolean applyReceipts(Receipts r, BigDecimal tolerancePercent, Instant now) {
        if (status.isFinal()) {
            return false;
        }
        PaymentStatus target = ReceiptRules.statusFor(status, amountWithCents, tolerancePercent, r.received(),
                r.allFinal());
        amountReceived = r.received();
        txHash = r.txHash();
        confirmations = r.confirmations();
        if (target == status) {
            return false;
        }
        String reason = switch (target) {
            case CONFIRMING -> r.late() ? "late transfer detected" : "transfer detected";
            case PENDING -> "transfer dropped from the chain";
            default -> "transfers confirmed" + (r.late() ? " (late)" : "");
        };
        transition(target, reason, now);
        if (target == PaymentStatus.COMPLETED || target == PaymentStatus.OVERPAID
                || target == PaymentStatus.UNDERPAID) {
            confirmedAt = now;
        }
        return true;
    }

    /**
     * A third-party provider's word on the payment, under the one rule for all providers:
     * <ul>
     * <li>a report of money collected ({@code completed}, {@code overpaid}, {@code underpaid}) with an amount
     * in the payment's currency is judged by {@link ReceiptRules}, like a native payment: less than
     * {@code amount_with_cents} is underpaid (completed within the store's tolerance), more is overpaid;</li>
     * <li>only forward moves of the transition table are taken: late or reordered news never moves a payment
     * back (nor to {@code pending}); a final payment changes only to {@code refunded}; a failed or expired
     * payment still takes money the provider reports collected, and a payment that received money never
     * becomes failed (money received outranks a failure).</li>
     * </ul>
     * Amounts and the transaction are taken only from a report that is not superseded, and an amount only
     * when it is in the payment's currency.
     */
    public ProviderReport.Verdict applyProviderStatus(ProviderReport report, BigDecimal tolerancePercent,
            Instant now) {
        PaymentStatus target = judged(report, tolerancePercent);
        if (target == null || target != status
                && (target == PaymentStatus.PENDING || !PaymentTransitions.isAllowed(status, target))) {
            return ProviderReport.Verdict.SUPERSEDED;
        }
        if (report.received() != null && inPaymentsCurrency(report.receivedIn())) {
            amountReceived = report.received();
        }
        if (report.txHash() != null) {
            this.txHash = report.txHash();
        }
        if (target == status) {
            return ProviderReport.Verdict.AGREES;
        }
        transition(target, "provider status " + report.raw(), now);
        if (isPaid(target)) {
            confirmedAt = now;
        }
        return ProviderReport.Verdict.CHANGED;
    }

    /** The status a report means for this payment; null for a report of money collected that collected none. */
    private PaymentStatus judged(ProviderReport report, BigDecimal tolerancePercent) {
        if (isPaid(status) && report.status() == PaymentStatus.FAILED) {
            return null;
        }
        if (!isPaid(report.status()) || report.received() == null || amountWithCents == null
                || !inPaymentsCurrency(report.receivedIn())) {
            // No amount to judge (or one in another currency): the provider's own verdict stands.
            return report.status();
        }
        if (report.received().signum() <= 0) {
            return null;
        }
        return ReceiptRules.statusFor(status, amountWithCents, tolerancePercent, report.received(), true);
    }

    private boolean inPaymentsCurrency(String code) {
        Currency own = currency();
        return code == null || own != null && (own.code().equalsIgnoreCase(code.trim())
                || Currency.parse(code).filter(own::equals).isPresent());
    }

    /** True for the statuses that mean money arrived: completed, overpaid and underpaid. */
    public static boolean isPaid(PaymentStatus s) {
        return s == PaymentStatus.COMPLETED || s == PaymentStatus.OVERPAID || s == PaymentStatus.UNDERPAID;
    }

    /**
     * The currency {@code amount_with_cents} and {@code amount_received} are in, the one the ledger books the
     * payment in: its asset, or for a fiat method at a provider (a card payment) the price's fiat currency.
     * Null while unknown (a payment still selecting).
     */
    public Currency currency() {
        if (asset != null) {
            return asset;
        }
        return Currency.parse(price.currency()).orElse(null);
    }

    /**
     * A provider took the payment: the customer pays {@code amount} to {@code address} (or on the provider's
     * page when it shows no address). The payment leaves {@code queued} for {@code pending}.
     */
    public void handOver(String address, BigDecimal amount, Instant now, Instant providerExpiresAt) {
        transition(PaymentStatus.PENDING, "created at the provider", now);
        this.slot = address == null ? null : new Slot(0, address, amount);
        this.amountWithCents = amount;
        this.expiresAt = providerExpiresAt;
    }

    /**
     * What the transfers matched to a payment add up to.
     *
     * @param received       the sum of live (not dropped) transfers
     * @param allFinal       every one of them has its required confirmations
     * @param txHash         the latest transfer's transaction hash, or null when there is none
     * @param confirmations  the smallest confirmation count among them (0 while one is in the mempool)
     * @param late           one of them arrived after the payment expired, inside the monitoring window
     */
    public record Receipts(BigDecimal received, boolean allFinal, String txHash, int confirmations, boolean late) {
    }

    private void transition(PaymentStatus to, String reason, Instant now) {
        if (!PaymentTransitions.isAllowed(status, to)) {
            throw new IllegalTransitionException(id, status, to);
        }
        events.add(new PaymentStatusChanged(id, storeId, status, to, reason, now));
        status = to;
    }

    /** Events recorded since the payment was loaded or created; the repository stores and clears them. */
    public List<PaymentStatusChanged> pendingEvents() {
        return List.copyOf(events);
    }

    public void clearEvents() {
        events.clear();
    }

    public Snapshot snapshot() {
        return new Snapshot(id, storeId, orderId, status, price, metadataJson, createdAt, selectionToken, asset,
                amountRequested, amountWithCents, slot, amountReceived, txHash, confirmations, confirmedAt,
                expiresAt, rate, version, kind, donor, source);
    }

    public PaymentId id() {
        return id;
    }

    public StoreId storeId() {
        return storeId;
    }

    public PaymentStatus status() {
        return status;
    }

    public Asset asset() {
        return asset;
    }

    public BigDecimal amountRequested() {
        return amountRequested;
    }

    public Price price() {
        return price;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String selectionToken() {
        return selectionToken;
    }

    public long version() {
        return version;
    }

    public BigDecimal amountWithCents() {
        return amountWithCents;
    }

    public BigDecimal amountReceived() {
        return amountReceived;
    }

    public Slot slot() {
        return slot;
    }

    public PaymentKind kind() {
        return kind;
    }

    public boolean isDonation() {
        return kind == PaymentKind.DONATION;
    }

    /** Who asked for the payment: the merchant's API or the store's widget. */
    public PaymentSource source() {
        return source;
    }

    /** The donor of a donation; null for other payments. */
    public Donor donor() {
        return donor;
    }

    /**
     * What the merchant asked for: an amount in an asset ({@code ASSET}), an explicit fiat amount
     * ({@code FIAT}: {@code fiat_amount} + {@code fiat_currency}), or a bare amount in the store's
     * pricing currency ({@code PRICING}, when the asset is chosen later).
     */
    public record Price(BigDecimal amount, String currency, Kind kind) {
        public Price {
            Objects.requireNonNull(amount);
            Objects.requireNonNull(currency);
            Objects.requireNonNull(kind);
        }

        public enum Kind { ASSET, FIAT, PRICING }
    }

    /** The rate a fiat price was converted with: units of {@code fiat} per one coin. */
    public record RateSnapshot(String fiat, BigDecimal rate, String source, Instant pricedAt) {
    }

    /**
     * A receiving address and the amount expected on it: a pool address (its id) with a unique amount, a
     * derived address, or an address a provider handed out ({@code addressId} 0: not Paymux's pool).
     */
    public record Slot(long addressId, String address, BigDecimal amount) {
    }

    /** Everything the repository stores. */
    public record Snapshot(PaymentId id, StoreId storeId, String orderId, PaymentStatus status, Price price,
            String metadataJson, Instant createdAt, String selectionToken, Asset asset, BigDecimal amountRequested,
            BigDecimal amountWithCents, Slot slot, BigDecimal amountReceived, String txHash, int confirmations,
            Instant confirmedAt, Instant expiresAt, RateSnapshot rate, long version, PaymentKind kind, Donor donor,
            PaymentSource source) {

        public Snapshot {
            kind = kind == null ? PaymentKind.PAYMENT : kind;
            donor = kind == PaymentKind.DONATION ? Objects.requireNonNullElse(donor, Donor.ANONYMOUS) : null;
            source = source == null ? PaymentSource.API : source;
        }

        /** A snapshot made by the merchant's API. */
        public Snapshot(PaymentId id, StoreId storeId, String orderId, PaymentStatus status, Price price,
                String metadataJson, Instant createdAt, String selectionToken, Asset asset,
                BigDecimal amountRequested, BigDecimal amountWithCents, Slot slot, BigDecimal amountReceived,
                String txHash, int confirmations, Instant confirmedAt, Instant expiresAt, RateSnapshot rate,
                long version, PaymentKind kind, Donor donor) {
            this(id, storeId, orderId, status, price, metadataJson, createdAt, selectionToken, asset, amountRequested,
                    amountWithCents, slot, amountReceived, txHash, confirmations, confirmedAt, expiresAt, rate, version,
                    kind, donor, PaymentSource.API);
        }

        /** An ordinary payment's snapshot (the shape before donations existed). */
        public Snapshot(PaymentId id, StoreId storeId, String orderId, PaymentStatus status, Price price,
                String metadataJson, Instant createdAt, String selectionToken, Asset asset,
                BigDecimal amountRequested, BigDecimal amountWithCents, Slot slot, BigDecimal amountReceived,
                String txHash, int confirmations, Instant confirmedAt, Instant expiresAt, RateSnapshot rate,
                long version) {
            this(id, storeId, orderId, status, price, metadataJson, createdAt, selectionToken, asset, amountRequested,
                    amountWithCents, slot, amountReceived, txHash, confirmations, confirmedAt, expiresAt, rate, version,
                    PaymentKind.PAYMENT, null);
        }
    }
}
