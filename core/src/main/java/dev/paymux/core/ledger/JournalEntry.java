package dev.paymux.core.ledger;

import dev.paymux.core.money.Currency;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One business event in the ledger: postings that sum to zero per currency (asset or fiat), posted at
 * most once per {@code idempotencyKey} (e.g. {@code payment:{id}:completed}).
 */
public record JournalEntry(String idempotencyKey, String description, List<Posting> postings) {

    public JournalEntry {
        postings = List.copyOf(postings);
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("an entry needs postings");
        }
        Map<Currency, BigDecimal> sums = postings.stream().collect(Collectors.groupingBy(Posting::currency,
                Collectors.reducing(BigDecimal.ZERO, Posting::amount, BigDecimal::add)));
        sums.forEach((currency, sum) -> {
            if (sum.signum() != 0) {
                throw new IllegalArgumentException("postings in " + currency.code() + " sum to " + sum + ", not zero");
            }
        });
    }

    /**
     * A signed amount on a store's account: positive adds to the account.
     *
     * @param heldBy  the provider instance that holds this money for the store (it collected it and settles
     *                it outside Paymux), or null for money on Paymux's own addresses
     */
    public record Posting(StoreId store, AccountKind kind, Currency currency, BigDecimal amount, String heldBy) {

        public Posting {
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(amount, "amount");
        }

        /** Money on Paymux's own addresses. */
        public Posting(StoreId store, AccountKind kind, Currency currency, BigDecimal amount) {
            this(store, kind, currency, amount, null);
        }
    }
}
