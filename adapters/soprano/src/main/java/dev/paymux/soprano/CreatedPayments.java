package dev.paymux.soprano;

import dev.paymux.core.spi.ProviderPayment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the adapter remembers which Soprano payment it created for a Paymux reference. Soprano's create
 * is not idempotent and its API cannot look a payment up by the merchant's reference, so the adapter
 * makes create idempotent itself: it looks the reference up here first and only creates when it finds
 * nothing. The default keeps the latest entries in memory; an application running several instances
 * can supply one backed by its database.
 */
public interface CreatedPayments {

    /** The payment created for {@code reference} on {@code instance}, if remembered. */
    Optional<ProviderPayment> find(String instance, String reference);

    /** Remembers the payment created for {@code reference} on {@code instance}. */
    void remember(String instance, String reference, ProviderPayment payment);

    /** An in-memory store keeping the {@code capacity} most recently created payments. */
    static CreatedPayments inMemory(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1");
        }
        Map<String, ProviderPayment> lru = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ProviderPayment> eldest) {
                return size() > capacity;
            }
        };
        return new CreatedPayments() {
            @Override
            public synchronized Optional<ProviderPayment> find(String instance, String reference) {
                return Optional.ofNullable(lru.get(instance + '\n' + reference));
            }

            @Override
            public synchronized void remember(String instance, String reference, ProviderPayment payment) {
                lru.put(instance + '\n' + reference, payment);
            }
        };
    }
}
