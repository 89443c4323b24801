package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a verified callback says.
 *
 * @param paymentReference  Paymux's payment id as the provider echoed it, or null when it only sent its own id
 * @param externalId        the provider's id of the payment
 * @param dedupeKey         the same for the same callback however often it arrives (e.g. id + status +
 *                          amount), so replays are recognised
 */
public record ProviderUpdate(String paymentReference, String externalId, ProviderStatus status,
        BigDecimal amountReceived, String payCurrency, String txHash, String dedupeKey) {

    public ProviderUpdate {
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(dedupeKey, "dedupeKey");
    }
}
