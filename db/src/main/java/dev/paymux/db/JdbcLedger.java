package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;

import dev.paymux.core.ledger.Balance;
import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journal in PostgreSQL. Balances are sums over postings: {@code available} and {@code pending} are
 * account balances; {@code total_received} is everything that ever entered {@code pending} or
 * {@code available} from outside; {@code total_withdrawn} and {@code total_commission} are balances of
 * their accounts.
 */
final class JdbcLedger implements Ledger {

    private final JdbcClient jdbc;

    JdbcLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean post(JournalEntry entry) {
        Long id = jdbc.sql("""
                insert into journal_entries (idempotency_key, description) values (:key, :description)
                on conflict (idempotency_key) do nothing returning id
                """)
                .param("key", entry.idempotencyKey()).param("description", entry.description())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return false;
        }
        for (JournalEntry.Posting p : entry.postings()) {
            jdbc.sql("insert into postings (entry_id, store_id, kind, asset, amount) values (:entry, :store, :kind, :asset, :amount)")
                    .param("entry", id).param("store", p.store().value()).param("kind", p.kind().name())
                    .param("asset", p.asset().name()).param("amount", p.amount())
                    .update();
        }
        return true;
    }

    @Override
    public Map<Asset, Balance> balances(StoreId store) {
        Map<Asset, Balance> result = new TreeMap<>();
        jdbc.sql("""
                select asset,
                  coalesce(sum(amount) filter (where kind = 'AVAILABLE'), 0) as available,
                  coalesce(sum(amount) filter (where kind = 'PENDING'), 0) as pending,
                  coalesce(sum(amount) filter (where kind in ('AVAILABLE', 'WITHDRAWN', 'COMMISSION')), 0) as received,
                  coalesce(sum(amount) filter (where kind = 'WITHDRAWN'), 0) as withdrawn,
                  coalesce(sum(amount) filter (where kind = 'COMMISSION'), 0) as commission
                from postings where store_id = :store group by asset
                """)
                .param("store", store.value())
                .query(rs -> {
                    result.put(Asset.valueOf(rs.getString("asset")), new Balance(decimal(rs, "available"),
                            decimal(rs, "pending"), decimal(rs, "received"), decimal(rs, "withdrawn"),
                            decimal(rs, "commission")));
                });
        return result;
    }

}
