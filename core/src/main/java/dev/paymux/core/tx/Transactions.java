package dev.paymux.core.tx;

import java.util.function.Supplier;

/** Runs work in one database transaction. */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);
}
