package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A payment as the provider holds it.
 *
 * @param payAddress      the address the customer pays to, when the provider shows one (else null)
 * @param payAmount       the amount the customer pays in {@code payCurrency}, when known
 * @param paymentUrl      the provider's hosted payment page, when it has one
 * @param amountReceived  what the provider has seen paid so far, in {@code payCurrency}, or null
 */
public record ProviderPayment(ProviderReference reference, ProviderStatus status, String payAddress,
        BigDecimal payAmount, String payCurrency, String paymentUrl, BigDecimal amountReceived, String txHash,
        Instant expiresAt) {

    public ProviderPayment {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(status, "status");
    }
}
