package dev.paymux.api.provider;

import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.providers.ProviderPayments.Linked;
import dev.paymux.core.providers.ProviderUpdates;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.integration.core.GenericHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.stereotype.Component;

/**
 * Flow 3 of the design: asks providers about their non-final payments, so a lost or never-retried
 * callback (the exchanger sends its IPN once) never leaves a payment stuck. A provider that is down is
 * skipped (its circuit breaker answers at once) and asked again on a later tick.
 */
@Component
class Reconciler implements GenericHandler<Instant> {

    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final int BATCH = 50;

    private final ProviderRegistry registry;
    private final ProviderUpdates updates;

    Reconciler(ProviderRegistry registry, ProviderUpdates updates) {
        this.registry = registry;
        this.updates = updates;
    }

    @Override
    public Object handle(Instant tick, MessageHeaders headers) {
        for (Linked due : updates.dueForCheck(BATCH)) {
            check(due);
        }
        return null;
    }

    /** Asks the provider holding one payment for its state and applies the answer. */
    void check(Linked due) {
        PaymentProvider provider = registry.find(due.reference().instance()).orElse(null);
        if (provider == null) {
            return;
        }
        try {
            ProviderPayment now = provider.fetch(due.reference());
            updates.fetched(due.payment(), provider.instance(), now);
        } catch (ProviderException e) {
            log.info("Reconciliation of {} at {} postponed: {}", due.payment(), provider.instance(), e.getMessage());
        }
    }
}
