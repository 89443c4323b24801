package dev.paymux.core.ledger;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.StoreId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One business event in the ledger: postings that sum to zero per asset, posted at most once per
 * {@code idempotencyKey} (e.g. {@code payment:{id}:completed}).
 */
public record JournalEntry(String idempotencyKey, String description, List<Posting> postings) {

    public JournalEntry {
        postings = List.copyOf(postings);
        if (postings.isEmpty()) {
            throw new IllegalArgumentException("an entry needs postings");
        }
        Map<Asset, BigDecimal> sums = postings.stream().collect(Collectors.groupingBy(Posting::asset,
                Collectors.reducing(BigDecimal.ZERO, Posting::amount, BigDecimal::add)));
        sums.forEach((asset, sum) -> {
            if (sum.signum() != 0) {
                throw new IllegalArgumentException("postings in " + asset + " sum to " + sum + ", not zero");
            }
        });
    }

    /** A signed amount on a store's account: positive adds to the account. */
    public record Posting(StoreId store, AccountKind kind, Asset asset, BigDecimal amount) {
    }
}
