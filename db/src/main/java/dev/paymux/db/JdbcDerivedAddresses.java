package dev.paymux.db;

import static dev.paymux.db.Sql.instant;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.DerivedAddresses;
import dev.paymux.core.store.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcDerivedAddresses implements DerivedAddresses {

    private final JdbcClient jdbc;

    JdbcDerivedAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StoreXpub> find(StoreId store, Asset asset) {
        return jdbc.sql("select * from store_xpubs where store_id = :store and asset = :asset")
                .param("store", store.value()).param("asset", asset.name())
                .query(JdbcDerivedAddresses::map).optional();
    }

    @Override
    public List<StoreXpub> list(StoreId store) {
        return jdbc.sql("select * from store_xpubs where store_id = :store order by asset")
                .param("store", store.value())
                .query(JdbcDerivedAddresses::map).list();
    }

    @Override
    public void put(StoreId store, Asset asset, String xpub) {
        // The same key again keeps its counter; another key starts over (known addresses are skipped later).
        jdbc.sql("""
                insert into store_xpubs (store_id, asset, xpub) values (:store, :asset, :xpub)
                on conflict (store_id, asset) do update
                set xpub = excluded.xpub,
                    next_index = case when store_xpubs.xpub = excluded.xpub then store_xpubs.next_index else 0 end,
                    created_at = case when store_xpubs.xpub = excluded.xpub then store_xpubs.created_at else now() end
                """)
                .param("store", store.value()).param("asset", asset.name()).param("xpub", xpub)
                .update();
    }

    @Override
    public boolean remove(StoreId store, Asset asset) {
        return jdbc.sql("delete from store_xpubs where store_id = :store and asset = :asset")
                .param("store", store.value()).param("asset", asset.name())
                .update() > 0;
    }

    @Override
    public Optional<Reservation> reserve(StoreId store, Asset asset) {
        // The update takes the row lock until commit: a concurrent reservation waits and then sees the new counter.
        return jdbc.sql("""
                update store_xpubs set next_index = next_index + 1
                where store_id = :store and asset = :asset
                returning xpub, next_index - 1 as reserved
                """)
                .param("store", store.value()).param("asset", asset.name())
                .query((rs, i) -> new Reservation(rs.getString("xpub"), rs.getInt("reserved")))
                .optional();
    }

    @Override
    public OptionalLong addDerived(StoreId store, Asset asset, String address, int index) {
        Optional<Long> id = jdbc.sql("""
                insert into receiving_addresses (store_id, asset, address, derivation_index)
                values (:store, :asset, :address, :index)
                on conflict (store_id, asset, address) do nothing
                returning id
                """)
                .param("store", store.value()).param("asset", asset.name()).param("address", address)
                .param("index", index)
                .query(Long.class).optional();
        return id.map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    private static StoreXpub map(ResultSet rs, int row) throws SQLException {
        return new StoreXpub(new StoreId(rs.getObject("store_id", UUID.class)), Asset.valueOf(rs.getString("asset")),
                rs.getString("xpub"), rs.getInt("next_index"), instant(rs, "created_at"));
    }
}
