package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;
import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.Payment.Price;
import dev.paymux.core.payment.Payment.RateSnapshot;
import dev.paymux.core.payment.Payment.Slot;
import dev.paymux.core.payment.Payment.Snapshot;
import dev.paymux.core.payment.Donor;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentKind;
import dev.paymux.core.payment.PaymentSource;
import dev.paymux.core.payment.PaymentPage;
import dev.paymux.core.payment.PaymentQuery;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.PaymentStatusChanged;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.EventTypes;
import dev.paymux.core.webhook.Outbox;
import dev.paymux.core.webhook.WebhookPayload;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcPayments implements Payments {

    private static final String COLUMNS = """
            id, store_id, order_id, status, price_amount, price_currency, price_kind, asset, amount_requested,
            amount_with_cents, address_id, pay_address, amount_received, tx_hash, confirmations, confirmed_at,
            rate_fiat, rate, rate_source, rate_as_of, metadata, selection_token, expires_at, created_at, version,
            kind, donor_name, donor_message, source
            """;
    /** A queued payment the router holds waits for a provider, not for a slot, unless the router gave it to the native one. */
    private static final String NATIVELY_QUEUED = "not exists (select 1 from route_decisions d where d.payment_id = payments.id"
            + " and d.placed_at is distinct from 'native')";
    private static final String OPEN_FOR_EXPIRY = "('selecting', 'queued', 'pending')";

    private final JdbcClient jdbc;
    private final Outbox outbox;

    JdbcPayments(JdbcClient jdbc, Outbox outbox) {
        this.jdbc = jdbc;
        this.outbox = outbox;
    }

    @Override
    public void insert(Payment payment) {
        Snapshot s = payment.snapshot();
        jdbc.sql("""
                insert into payments (id, store_id, order_id, status, price_amount, price_currency, price_kind, asset,
                    amount_requested, amount_with_cents, address_id, pay_address, amount_received, tx_hash,
                    confirmations, confirmed_at, rate_fiat, rate, rate_source, rate_as_of, metadata, selection_token,
                    expires_at, created_at, updated_at, version, kind, donor_name, donor_message, source)
                values (:id, :store, :order, :status, :priceAmount, :priceCurrency, :priceKind, :asset,
                    :requested, :withCents, :addressId, :address, :received, :txHash,
                    :confirmations, :confirmedAt, :rateFiat, :rate, :rateSource, :rateAsOf, :metadata, :token,
                    :expiresAt, :createdAt, :createdAt, 0, :kind, :donorName, :donorMessage, :source)
                """)
                .params(params(s))
                .param("store", s.storeId().value())
                .param("order", s.orderId())
                .param("priceAmount", s.price().amount())
                .param("priceCurrency", s.price().currency())
                .param("priceKind", s.price().kind().name())
                .param("metadata", s.metadataJson())
                .param("token", s.selectionToken())
                .param("createdAt", ts(s.createdAt()))
                .param("kind", s.kind().wire())
                .param("donorName", s.donor() == null ? null : s.donor().name())
                .param("donorMessage", s.donor() == null ? null : s.donor().message())
                .param("source", s.source().wire())
                .update();
        writeEvents(payment);
    }

    @Override
    public void update(Payment payment) {
        Snapshot s = payment.snapshot();
        int rows = jdbc.sql("""
                update payments set status = :status, asset = :asset, amount_requested = :requested,
                    amount_with_cents = :withCents, address_id = :addressId, pay_address = :address,
                    amount_received = :received, tx_hash = :txHash, confirmations = :confirmations,
                    confirmed_at = :confirmedAt, rate_fiat = :rateFiat, rate = :rate, rate_source = :rateSource,
                    rate_as_of = :rateAsOf, expires_at = :expiresAt, updated_at = now(), version = version + 1
                where id = :id and version = :version
                """)
                .params(params(s))
                .param("version", s.version())
                .update();
        if (rows != 1) {
            throw new ConcurrentPaymentUpdateException(s.id());
        }
        writeEvents(payment);
    }

    private static Map<String, Object> params(Snapshot s) {
        Map<String, Object> p = new java.util.HashMap<>();
        p.put("id", s.id().value());
        p.put("status", s.status().wire());
        p.put("asset", s.asset() == null ? null : s.asset().name());
        p.put("requested", s.amountRequested());
        p.put("withCents", s.amountWithCents());
        // Addresses a provider handed out are not in the pool: id 0, stored without a reference.
        p.put("addressId", s.slot() == null || s.slot().addressId() == 0 ? null : s.slot().addressId());
        p.put("address", s.slot() == null ? null : s.slot().address());
        p.put("received", s.amountReceived());
        p.put("txHash", s.txHash());
        p.put("confirmations", s.confirmations());
        p.put("confirmedAt", ts(s.confirmedAt()));
        p.put("rateFiat", s.rate() == null ? null : s.rate().fiat());
        p.put("rate", s.rate() == null ? null : s.rate().rate());
        p.put("rateSource", s.rate() == null ? null : s.rate().source());
        p.put("rateAsOf", s.rate() == null ? null : ts(s.rate().pricedAt()));
        p.put("expiresAt", ts(s.expiresAt()));
        return p;
    }

    /**
     * The timeline rows and, for the changes merchants hear about, the outbox rows: same transaction. A
     * donation's events are logged as skipped, never sent.
     */
    private void writeEvents(Payment payment) {
        for (PaymentStatusChanged e : payment.pendingEvents()) {
            EventTypes.forStatus(e.to()).ifPresent(type -> {
                EventId id = EventId.random();
                String body = WebhookPayload.render(id, type, payment.snapshot());
                if (payment.isDonation()) {
                    outbox.enqueueSkipped(id, e.storeId(), e.paymentId(), type, body, e.at(),
                            EventTypes.DONATION_NOT_SENT);
                } else {
                    outbox.enqueue(id, e.storeId(), e.paymentId(), type, body, e.at());
                }
            });
            jdbc.sql("""
                    insert into payment_events (payment_id, from_status, to_status, reason, at)
                    values (:payment, :from, :to, :reason, :at)
                    """)
                    .param("payment", e.paymentId().value())
                    .param("from", e.from() == null ? null : e.from().wire())
                    .param("to", e.to().wire())
                    .param("reason", e.reason())
                    .param("at", ts(e.at()))
                    .update();
        }
        payment.clearEvents();
    }

    @Override
    public Optional<Payment> find(StoreId store, PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = :id and store_id = :store")
                .param("id", id.value()).param("store", store.value())
                .query(JdbcPayments::map).optional();
    }

    @Override
    public Optional<Payment> find(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = :id")
                .param("id", id.value())
                .query(JdbcPayments::map).optional();
    }

    @Override
    public java.util.Map<PaymentId, Long> versions(java.util.Collection<PaymentId> ids) {
        java.util.Map<PaymentId, Long> out = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("select id, version from payments where id in (:ids)")
                .param("ids", ids.stream().map(PaymentId::value).toList())
                .query((rs, i) -> out.put(new PaymentId(rs.getObject("id", java.util.UUID.class)), rs.getLong("version")))
                .list();
        return out;
    }

    @Override
    public Optional<Payment> findByOrderId(StoreId store, String orderId) {
        return jdbc.sql("select " + COLUMNS + " from payments where store_id = :store and order_id = :order")
                .param("store", store.value()).param("order", orderId)
                .query(JdbcPayments::map).optional();
    }

    @Override
    public Optional<Payment> lock(PaymentId id) {
        return jdbc.sql("select " + COLUMNS + " from payments where id = :id for update")
                .param("id", id.value())
                .query(JdbcPayments::map).optional();
    }

    @Override
    public List<Payment> lockReceiving(Asset asset, String address, Instant expiredSince) {
        // Hex and bech32 addresses are case-insensitive; TRON's base58 is not.
        String match = "lower(pay_address) = lower(:address)" + (asset == Asset.USDT_TRC20 ? " and pay_address = :address" : "");
        return jdbc.sql("select " + COLUMNS + " from payments where asset = :asset and " + match
                        + " and (status in ('pending', 'confirming', 'underpaid')"
                        + "      or (status = 'expired' and expires_at >= :since))"
                        + " order by created_at, id for update")
                .param("asset", asset.name()).param("address", address).param("since", Sql.ts(expiredSince))
                .query(JdbcPayments::map).list();
    }

    @Override
    public Optional<Payment> lockBySelectionToken(String token) {
        return jdbc.sql("select " + COLUMNS + " from payments where selection_token = :token for update")
                .param("token", token)
                .query(JdbcPayments::map).optional();
    }

    @Override
    public PaymentPage list(PaymentQuery q) {
        StringBuilder where = new StringBuilder(" where store_id = :store");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("store", q.store().value());
        if (q.status() != null) {
            where.append(" and status = :status");
            params.put("status", q.status().wire());
        }
        if (q.asset() != null) {
            where.append(" and asset = :asset");
            params.put("asset", q.asset().name());
        }
        if (q.kind() != null) {
            where.append(" and kind = :kind");
            params.put("kind", q.kind().wire());
        }
        if (q.createdFrom() != null) {
            where.append(" and created_at >= :from");
            params.put("from", ts(q.createdFrom()));
        }
        if (q.createdTo() != null) {
            where.append(" and created_at < :to");
            params.put("to", ts(q.createdTo()));
        }
        if (q.search() != null && !q.search().isBlank()) {
            where.append(" and (id::text = lower(:q) or order_id = :q or pay_address = :q or tx_hash = :q)");
            params.put("q", q.search().strip());
        }
        long total = jdbc.sql("select count(*) from payments" + where).params(params).query(Long.class).single();
        List<Payment> page = jdbc.sql("select " + COLUMNS + " from payments" + where
                        + " order by created_at desc, id desc limit :limit offset :offset")
                .params(params).param("limit", q.perPage()).param("offset", q.offset())
                .query(JdbcPayments::map).list();
        return new PaymentPage(page, total);
    }

    @Override
    public List<Payment> lockDueForExpiry(Instant now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from payments where status in " + OPEN_FOR_EXPIRY
                        + " and expires_at <= :now order by expires_at limit :limit for update skip locked")
                .param("now", ts(now)).param("limit", limit)
                .query(JdbcPayments::map).list();
    }

    @Override
    public List<Payment> lockDueForExpiry(StoreId store, Asset asset, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from payments where store_id = :store and asset = :asset"
                        + " and status in " + OPEN_FOR_EXPIRY + " and expires_at <= :now for update skip locked")
                .param("store", store.value()).param("asset", asset.name()).param("now", ts(now))
                .query(JdbcPayments::map).list();
    }

    @Override
    public int countOpenDonations(StoreId store, Instant now) {
        // Served by payments_open_donations (V15); one overdue but not yet expired counts no more.
        return jdbc.sql("select count(*) from payments where store_id = :store and kind = 'donation'"
                        + " and status in ('pending', 'queued') and (expires_at is null or expires_at > :now)")
                .param("store", store.value()).param("now", ts(now))
                .query(Integer.class).single();
    }

    @Override
    public List<Payment> lockQueued(StoreId store, Asset asset) {
        return jdbc.sql("select " + COLUMNS + " from payments where store_id = :store and asset = :asset"
                        + " and status = 'queued' and " + NATIVELY_QUEUED + " order by created_at, id for update")
                .param("store", store.value()).param("asset", asset.name())
                .query(JdbcPayments::map).list();
    }

    @Override
    public List<StoreAsset> withQueued() {
        return jdbc.sql("select distinct store_id, asset from payments where status = 'queued' and " + NATIVELY_QUEUED)
                .query((rs, i) -> new StoreAsset(new StoreId(rs.getObject("store_id", UUID.class)),
                        Asset.valueOf(rs.getString("asset"))))
                .list();
    }

    private static Payment map(ResultSet rs, int row) throws SQLException {
        String asset = rs.getString("asset");
        long addressId = rs.getLong("address_id");
        String payAddress = rs.getString("pay_address");
        Slot slot = payAddress == null ? null : new Slot(addressId, payAddress, decimal(rs, "amount_with_cents"));
        String rateFiat = rs.getString("rate_fiat");
        RateSnapshot rate = rateFiat == null ? null
                : new RateSnapshot(rateFiat, decimal(rs, "rate"), rs.getString("rate_source"), instant(rs, "rate_as_of"));
        return Payment.restore(new Snapshot(
                new PaymentId(rs.getObject("id", UUID.class)),
                new StoreId(rs.getObject("store_id", UUID.class)),
                rs.getString("order_id"),
                PaymentStatus.parse(rs.getString("status")).orElseThrow(),
                new Price(decimal(rs, "price_amount"), rs.getString("price_currency"),
                        Price.Kind.valueOf(rs.getString("price_kind"))),
                rs.getString("metadata"),
                instant(rs, "created_at"),
                rs.getString("selection_token"),
                asset == null ? null : Asset.valueOf(asset),
                decimal(rs, "amount_requested"),
                decimal(rs, "amount_with_cents"),
                slot,
                decimal(rs, "amount_received"),
                rs.getString("tx_hash"),
                rs.getInt("confirmations"),
                instant(rs, "confirmed_at"),
                instant(rs, "expires_at"),
                rate,
                rs.getLong("version"),
                PaymentKind.parse(rs.getString("kind")).orElseThrow(),
                new Donor(rs.getString("donor_name"), rs.getString("donor_message")),
                PaymentSource.fromWire(rs.getString("source"))));
    }

}
