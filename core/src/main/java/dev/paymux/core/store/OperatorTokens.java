package dev.paymux.core.store;

/** Tokens that open the admin API. Only their SHA-256 hashes are stored. */
public interface OperatorTokens {

    void add(String tokenHash, String label);

    boolean exists(String tokenHash);
}
