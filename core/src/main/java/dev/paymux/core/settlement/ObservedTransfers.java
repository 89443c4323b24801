package dev.paymux.core.settlement;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every transfer a watcher reported, stored once per {@link TransferKey}. Methods run in a transaction. */
public interface ObservedTransfers {

    /** Finds and locks the stored observation. */
    Optional<TransferRecord> lock(TransferKey key);

    /**
     * Stores a first observation. A null {@code store} is filled from the address pool when the address
     * belongs to one.
     */
    TransferRecord insert(ChainTransfer transfer, PaymentId payment, StoreId store, TransferRecord.Match match,
            Instant now);

    /** Records a new block (or the mempool) for a live observation; its confirmations restart from zero. */
    void moveToBlock(TransferKey key, ChainTransfer transfer, Instant now);

    /** Marks a live observation dropped. */
    void markDropped(TransferKey key, String reason, Instant now);

    /** Brings a dropped observation back (it was mined again) as a new generation. */
    void revive(TransferKey key, ChainTransfer transfer, Instant now);

    /** Live, not yet final observations of the chain that sit in a block. */
    List<TransferRecord> awaitingConfirmations(Chain chain);

    /** Keys of the live observations in the block. */
    List<TransferKey> inBlock(Chain chain, String blockHash);

    void updateConfirmations(TransferKey key, int confirmations, boolean finalized, Instant now);

    /** The observations matched to a payment, oldest first. */
    List<TransferRecord> ofPayment(PaymentId payment);

    /** The most recent observations in a match state, newest first (for the operator). */
    List<TransferRecord> recent(TransferRecord.Match match, int limit);
}
