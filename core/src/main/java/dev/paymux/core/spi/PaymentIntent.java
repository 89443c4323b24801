package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * What Paymux asks a provider to collect.
 *
 * @param reference    Paymux's payment id: the idempotency key of {@link PaymentProvider#create} and the
 *                     order reference the provider echoes back in callbacks
 * @param amount       the amount to collect, in {@code currency}
 * @param currency     what the amount is in: a pay-in asset code ({@code USDT_TRC20}) or a fiat code ({@code USD})
 * @param payCurrency  what the customer pays with: an asset code, a fiat code for a fiat method (a card
 *                     payment in {@code RUB}), or null to let the provider's page offer its choice
 * @param lifetime     how long the customer has to pay
 * @param callbackUrl  where the provider posts status callbacks (Paymux's {@code /callbacks/...} URL)
 * @param returnUrl    where the customer goes after paying, or null
 * @param description  shown to the customer where the provider supports it, or null
 */
public record PaymentIntent(String reference, BigDecimal amount, String currency, String payCurrency,
        Duration lifetime, String callbackUrl, String returnUrl, String description) {

    public PaymentIntent {
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(lifetime, "lifetime");
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
    }
}
