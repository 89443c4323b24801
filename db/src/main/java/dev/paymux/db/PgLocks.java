package dev.paymux.db;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Locks;
import dev.paymux.core.store.StoreId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Transaction-scoped PostgreSQL advisory locks; they work across every instance sharing the database. */
final class PgLocks implements Locks {

    private final JdbcClient jdbc;

    PgLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void lockOrder(StoreId store, String orderId) {
        lock("order:" + store + ":" + orderId);
    }

    @Override
    public void lockSlots(StoreId store, Asset asset) {
        lock("slots:" + store + ":" + asset.name());
    }

    @Override
    public void lockDonations(StoreId store) {
        lock("donations:" + store);
    }

    private void lock(String key) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))").param("key", key).query().singleRow();
    }
}
