package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;

import dev.paymux.core.ledger.AccountKind;
import dev.paymux.core.ledger.Balance;
import dev.paymux.core.ledger.JournalEntry;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Currency;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journal in PostgreSQL. Balances are sums over postings per currency (asset or fiat code):
 * {@code available} and {@code pending} are account balances; {@code total_received} is everything that
 * ever entered {@code pending} or {@code available} from outside; {@code total_withdrawn} and
 * {@code total_commission} are balances of their accounts. A posting's {@code held_by} names the provider
 * instance holding that money, so the provider-held part of a balance is its available postings with one.
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
            jdbc.sql("""
                    insert into postings (entry_id, store_id, kind, asset, amount, held_by)
                    values (:entry, :store, :kind, :asset, :amount, :heldBy)
                    """)
                    .param("entry", id).param("store", p.store().value()).param("kind", p.kind().name())
                    .param("asset", p.currency().code()).param("amount", p.amount()).param("heldBy", p.heldBy())
                    .update();
        }
        return true;
    }

    @Override
    public Map<Currency, Balance> balances(StoreId store) {
        Map<Currency, Map<String, BigDecimal>> held = new HashMap<>();
        jdbc.sql("""
                select asset, held_by, sum(amount) as held from postings
                where store_id = :store and kind = 'AVAILABLE' and held_by is not null
                group by asset, held_by having sum(amount) <> 0
                """)
                .param("store", store.value())
                .query(rs -> {
                    held.computeIfAbsent(currency(rs.getString("asset")), c -> new HashMap<>())
                            .put(rs.getString("held_by"), decimal(rs, "held"));
                });
        Map<Currency, Balance> result = new TreeMap<>(Comparator.comparing(Currency::code));
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
                    Currency currency = currency(rs.getString("asset"));
                    result.put(currency, new Balance(decimal(rs, "available"), decimal(rs, "pending"),
                            decimal(rs, "received"), decimal(rs, "withdrawn"), decimal(rs, "commission"),
                            held.getOrDefault(currency, Map.of())));
                });
        return result;
    }

    @Override
    public BigDecimal posted(String keyPrefix, AccountKind kind, Currency currency) {
        // The prefix is matched literally: LIKE's wildcards in it are escaped.
        String pattern = keyPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select coalesce(sum(p.amount), 0) from postings p join journal_entries e on e.id = p.entry_id
                where e.idempotency_key like :pattern and p.kind = :kind and p.asset = :currency
                """)
                .param("pattern", pattern).param("kind", kind.name()).param("currency", currency.code())
                .query(BigDecimal.class).single();
    }

    private static Currency currency(String code) {
        return Currency.parse(code)
                .orElseThrow(() -> new IllegalStateException("postings in an unknown currency " + code));
    }
}
