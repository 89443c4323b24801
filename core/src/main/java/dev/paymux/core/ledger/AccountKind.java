package dev.paymux.core.ledger;

/**
 * Kinds of ledger account. Store accounts: {@code PENDING} (detected, not yet final), {@code AVAILABLE}
 * (final, net of commission), {@code WITHDRAWN} (paid out), {@code COMMISSION} (commission the store
 * paid, the operator's revenue from it). {@code EXTERNAL} is the world outside: money enters the
 * ledger from it, so every entry still sums to zero.
 */
public enum AccountKind {
    PENDING, AVAILABLE, WITHDRAWN, COMMISSION, EXTERNAL
}
