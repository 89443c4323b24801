package dev.paymux.db;

import static dev.paymux.db.Sql.decimal;
import static dev.paymux.db.Sql.instant;
import static dev.paymux.db.Sql.ts;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.settlement.ObservedTransfers;
import dev.paymux.core.settlement.TransferRecord;
import dev.paymux.core.settlement.TransferRecord.Match;
import dev.paymux.core.store.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

final class JdbcObservedTransfers implements ObservedTransfers {

    private static final String COLUMNS = """
            chain, tx_hash, idx, asset, to_address, amount, block_height, block_hash, block_time, confirmations,
            finalized, dropped_at, generation, payment_id, store_id, match
            """;

    private final JdbcClient jdbc;

    JdbcObservedTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<TransferRecord> lock(TransferKey key) {
        return jdbc.sql("select " + COLUMNS + " from chain_transfers where chain = :chain and tx_hash = :tx and idx = :idx for update")
                .param("chain", key.chain().name()).param("tx", key.txHash()).param("idx", key.index())
                .query(JdbcObservedTransfers::map).optional();
    }

    @Override
    public TransferRecord insert(ChainTransfer t, PaymentId payment, StoreId store, Match match, Instant now) {
        jdbc.sql("""
                insert into chain_transfers (chain, tx_hash, idx, asset, to_address, amount, block_height, block_hash,
                    block_time, payment_id, store_id, match, first_seen_at, updated_at)
                values (:chain, :tx, :idx, :asset, :to, :amount, :height, :hash, :time, :payment,
                    coalesce(:store, (select store_id from receiving_addresses
                                      where asset = :asset and lower(address) = lower(:to) order by id limit 1)),
                    :match, :now, :now)
                """)
                .param("chain", t.key().chain().name()).param("tx", t.key().txHash()).param("idx", t.key().index())
                .param("asset", t.asset().name()).param("to", t.toAddress()).param("amount", t.amount())
                .param("height", t.blockHeight()).param("hash", t.blockHash()).param("time", ts(t.blockTime()))
                .param("payment", payment == null ? null : payment.value())
                .param("store", store == null ? null : store.value())
                .param("match", match.name().toLowerCase(Locale.ROOT)).param("now", ts(now))
                .update();
        return lock(t.key()).orElseThrow();
    }

    @Override
    public void moveToBlock(TransferKey key, ChainTransfer t, Instant now) {
        jdbc.sql("""
                update chain_transfers set block_height = :height, block_hash = :hash, block_time = :time,
                    confirmations = 0, updated_at = :now
                where chain = :chain and tx_hash = :tx and idx = :idx
                """).params(keyParams(key)).param("height", t.blockHeight()).param("hash", t.blockHash())
                .param("time", ts(t.blockTime())).param("now", ts(now)).update();
    }

    @Override
    public void markDropped(TransferKey key, String reason, Instant now) {
        jdbc.sql("""
                update chain_transfers set dropped_at = :now, drop_reason = :reason, confirmations = 0, updated_at = :now
                where chain = :chain and tx_hash = :tx and idx = :idx
                """).params(keyParams(key)).param("reason", reason).param("now", ts(now)).update();
    }

    @Override
    public void revive(TransferKey key, ChainTransfer t, Instant now) {
        jdbc.sql("""
                update chain_transfers set dropped_at = null, drop_reason = null, generation = generation + 1,
                    block_height = :height, block_hash = :hash, block_time = :time, confirmations = 0, updated_at = :now
                where chain = :chain and tx_hash = :tx and idx = :idx
                """).params(keyParams(key)).param("height", t.blockHeight()).param("hash", t.blockHash())
                .param("time", ts(t.blockTime())).param("now", ts(now)).update();
    }

    @Override
    public List<TransferRecord> awaitingConfirmations(Chain chain) {
        return jdbc.sql("select " + COLUMNS + " from chain_transfers where chain = :chain and not finalized"
                        + " and dropped_at is null and block_height is not null order by id")
                .param("chain", chain.name()).query(JdbcObservedTransfers::map).list();
    }

    @Override
    public List<TransferKey> inBlock(Chain chain, String blockHash) {
        return jdbc.sql("select tx_hash, idx from chain_transfers where chain = :chain and block_hash = :hash"
                        + " and dropped_at is null order by id")
                .param("chain", chain.name()).param("hash", blockHash)
                .query((rs, i) -> new TransferKey(chain, rs.getString("tx_hash"), rs.getInt("idx"))).list();
    }

    @Override
    public void updateConfirmations(TransferKey key, int confirmations, boolean finalized, Instant now) {
        jdbc.sql("""
                update chain_transfers set confirmations = :c, finalized = :f, updated_at = :now
                where chain = :chain and tx_hash = :tx and idx = :idx
                """).params(keyParams(key)).param("c", confirmations).param("f", finalized).param("now", ts(now))
                .update();
    }

    @Override
    public List<TransferRecord> ofPayment(PaymentId payment) {
        return jdbc.sql("select " + COLUMNS + " from chain_transfers where payment_id = :p order by id")
                .param("p", payment.value()).query(JdbcObservedTransfers::map).list();
    }

    @Override
    public List<TransferRecord> recent(Match match, int limit) {
        return jdbc.sql("select " + COLUMNS + " from chain_transfers where match = :m order by id desc limit :limit")
                .param("m", match.name().toLowerCase(Locale.ROOT)).param("limit", limit)
                .query(JdbcObservedTransfers::map).list();
    }

    private static java.util.Map<String, Object> keyParams(TransferKey key) {
        return java.util.Map.of("chain", key.chain().name(), "tx", key.txHash(), "idx", key.index());
    }

    private static TransferRecord map(ResultSet rs, int row) throws SQLException {
        UUID payment = rs.getObject("payment_id", UUID.class);
        UUID store = rs.getObject("store_id", UUID.class);
        Long height = rs.getObject("block_height", Long.class);
        return new TransferRecord(
                new TransferKey(Chain.valueOf(rs.getString("chain")), rs.getString("tx_hash"), rs.getInt("idx")),
                Asset.valueOf(rs.getString("asset")), rs.getString("to_address"), decimal(rs, "amount"), height,
                rs.getString("block_hash"), instant(rs, "block_time"), rs.getInt("confirmations"),
                rs.getBoolean("finalized"), rs.getObject("dropped_at") != null, rs.getInt("generation"),
                payment == null ? null : new PaymentId(payment), store == null ? null : new StoreId(store),
                Match.valueOf(rs.getString("match").toUpperCase(Locale.ROOT)));
    }
}
