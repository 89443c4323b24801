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
import org.springframework.dao.DuplicateKeyException;
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
    public boolean put(StoreId store, Asset asset, String xpub, int firstUnusedIndex) {
        // One key serves one store and asset; checked here, and by the unique index against a race.
        boolean usedElsewhere = jdbc.sql("""
                select exists (select 1 from store_xpubs
                    where xpub = :xpub and (store_id <> :store or asset <> :asset))
                """)
                .param("xpub", xpub).param("store", store.value()).param("asset", asset.name())
                .query(Boolean.class).single();
        if (usedElsewhere) {
            return false;
        }
        try {
            // The same key again keeps its counter; another key starts at the first index not handed out yet.
            jdbc.sql("""
                    insert into store_xpubs (store_id, asset, xpub, next_index) values (:store, :asset, :xpub, :first)
                    on conflict (store_id, asset) do update
                    set xpub = excluded.xpub,
                        next_index = case when store_xpubs.xpub = excluded.xpub
                                          then greatest(store_xpubs.next_index, excluded.next_index)
                                          else excluded.next_index end,
                        created_at = case when store_xpubs.xpub = excluded.xpub
                                          then store_xpubs.created_at else now() end
                    """)
                    .param("store", store.value()).param("asset", asset.name()).param("xpub", xpub)
                    .param("first", firstUnusedIndex)
                    .update();
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    @Override
    public boolean isDerived(long addressId) {
        return jdbc.sql("select exists (select 1 from receiving_addresses where id = :id and derivation_index is not null)")
                .param("id", addressId).query(Boolean.class).single();
    }

    @Override
    public boolean isKnown(StoreId store, Asset asset, String address) {
        return jdbc.sql("""
                select exists (select 1 from receiving_addresses
                    where store_id = :store and asset = :asset and address = :address)
                """)
                .param("store", store.value()).param("asset", asset.name()).param("address", address)
                .query(Boolean.class).single();
    }

    @Override
    public int maxDerivationIndex(StoreId store, Asset asset) {
        return jdbc.sql("""
                select coalesce(max(derivation_index), -1) from receiving_addresses
                where store_id = :store and asset = :asset
                """)
                .param("store", store.value()).param("asset", asset.name())
                .query(Integer.class).single();
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
