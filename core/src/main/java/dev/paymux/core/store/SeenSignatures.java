package dev.paymux.core.store;

import java.time.Instant;

/**
 * Signatures of merchant requests already accepted, kept until they can no longer be valid, so the same
 * signed request is accepted once across every instance. Only hashes of signatures are stored.
 */
public interface SeenSignatures {

    /**
     * Records a signature hash for a store, atomically.
     *
     * @param store         the store that signed the request
     * @param signatureHash a hash of the signature (never the signature itself)
     * @param expiresAt     when the signature stops being accepted anyway, after which the entry may go
     * @return true when this is the first time the hash is seen for the store, false for a repeat
     */
    boolean firstSight(StoreId store, byte[] signatureHash, Instant expiresAt);

    /**
     * Forgets signatures that expired before {@code now}.
     *
     * @return how many were removed
     */
    int purgeExpired(Instant now);
}
