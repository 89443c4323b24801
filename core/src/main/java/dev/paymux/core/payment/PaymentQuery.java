package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.time.Instant;

/**
 * A page of one store's payments, newest first; null filters are not applied. {@code search} matches a
 * payment's id, order id, receiving address or transaction hash exactly.
 */
public record PaymentQuery(StoreId store, int page, int perPage, PaymentStatus status, Asset asset,
        Instant createdFrom, Instant createdTo, PaymentKind kind, String search) {

    /** Without a search. */
    public PaymentQuery(StoreId store, int page, int perPage, PaymentStatus status, Asset asset, Instant createdFrom,
            Instant createdTo, PaymentKind kind) {
        this(store, page, perPage, status, asset, createdFrom, createdTo, kind, null);
    }

    /** Without a kind filter: payments and donations alike. */
    public PaymentQuery(StoreId store, int page, int perPage, PaymentStatus status, Asset asset, Instant createdFrom,
            Instant createdTo) {
        this(store, page, perPage, status, asset, createdFrom, createdTo, null);
    }

    public int offset() {
        return (page - 1) * perPage;
    }
}
