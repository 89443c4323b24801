package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.AddressSlots;
import dev.paymux.core.payment.Payment.Slot;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcAddressSlots implements AddressSlots {

    private final JdbcClient jdbc;

    JdbcAddressSlots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Slot> findFree(StoreId store, Asset asset, BigDecimal base, BigDecimal step, int maxOffsets) {
        // Pool addresses only (a derived address serves one payment). Offsets 1..max on every address;
        // the first (smallest offset, oldest address) no open payment expects.
        return jdbc.sql("""
                select a.id, a.address, :base + o.k * :step as amount
                from receiving_addresses a
                cross join generate_series(1, :max) as o(k)
                where a.store_id = :store and a.asset = :asset and a.derivation_index is null
                  and not exists (
                    select 1 from payments p
                    where p.address_id = a.id and p.status in ('pending', 'confirming')
                      and p.amount_with_cents = :base + o.k * :step)
                order by o.k, a.id
                limit 1
                """)
                .param("base", base).param("step", step).param("max", maxOffsets)
                .param("store", store.value()).param("asset", asset.name())
                .query((rs, i) -> new Slot(rs.getLong("id"), rs.getString("address"), decimal(rs, "amount")))
                .optional();
    }

    @Override
    public boolean hasAddresses(StoreId store, Asset asset) {
        return jdbc.sql("""
                select exists (select 1 from receiving_addresses
                    where store_id = :store and asset = :asset and derivation_index is null)
                """)
                .param("store", store.value()).param("asset", asset.name())
                .query(Boolean.class).single();
    }
}
