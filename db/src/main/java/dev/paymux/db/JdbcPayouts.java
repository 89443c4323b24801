package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;
import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.ledger.Payout;
import dev.paymux.core.ledger.Payouts;
import dev.paymux.core.money.Asset;
import dev.paymux.core.settlement.Commissions;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Payout records and the store's commission rate: the operator's side of a store's money. */
final class JdbcPayouts implements Payouts, Commissions {

    private final JdbcClient jdbc;

    JdbcPayouts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lock(StoreId store, Asset asset) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .param("key", "payout:" + store + ":" + asset.name()).query().singleRow();
    }

    @Override
    public Optional<Payout> findByReference(StoreId store, String reference) {
        return jdbc.sql("select * from payouts where store_id = :s and reference = :r")
                .param("s", store.value()).param("r", reference).query(JdbcPayouts::map).optional();
    }

    @Override
    public void insert(Payout p) {
        jdbc.sql("""
                insert into payouts (id, store_id, asset, amount, reference, note, created_at)
                values (:id, :store, :asset, :amount, :reference, :note, :at)
                """).param("id", p.id()).param("store", p.store().value()).param("asset", p.asset().name())
                .param("amount", p.amount()).param("reference", p.reference()).param("note", p.note())
                .param("at", ts(p.createdAt())).update();
    }

    @Override
    public List<Payout> list(StoreId store, int limit) {
        return jdbc.sql("select * from payouts where store_id = :s order by created_at desc, id limit :limit")
                .param("s", store.value()).param("limit", limit).query(JdbcPayouts::map).list();
    }

    @Override
    public BigDecimal percent(StoreId store) {
        return jdbc.sql("select commission_percent from stores where id = :s").param("s", store.value())
                .query(BigDecimal.class).optional().orElse(BigDecimal.ZERO);
    }

    @Override
    public void setPercent(StoreId store, BigDecimal percent) {
        jdbc.sql("update stores set commission_percent = :p where id = :s")
                .param("p", percent).param("s", store.value()).update();
    }

    private static Payout map(ResultSet rs, int row) throws SQLException {
        return new Payout(rs.getObject("id", UUID.class), new StoreId(rs.getObject("store_id", UUID.class)),
                Asset.valueOf(rs.getString("asset")), decimal(rs, "amount"), rs.getString("reference"),
                rs.getString("note"), instant(rs, "created_at"));
    }
}
