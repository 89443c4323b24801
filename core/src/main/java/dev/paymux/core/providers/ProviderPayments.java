package dev.paymux.core.providers;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.spi.ProviderReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Which provider holds which payment. Methods run in a transaction. */
public interface ProviderPayments {

    void link(PaymentId payment, ProviderReference reference, String rawStatus, String paymentUrl, Instant nextCheckAt,
            Instant now);

    Optional<Linked> find(PaymentId payment);

    Optional<Linked> findByExternalId(String instance, String externalId);

    /** Records the provider's latest status; a final payment is no longer polled. */
    void updated(PaymentId payment, String rawStatus, boolean isFinal, Instant nextCheckAt, Instant now);

    /** Non-final payments due for a status check, locked so that two instances never poll one at once. */
    List<Linked> lockDueForCheck(Instant now, int limit);

    record Linked(PaymentId payment, ProviderReference reference, String rawStatus, String paymentUrl, int checks) {
    }
}
