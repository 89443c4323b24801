package dev.paymux.cryptomus;

import java.math.BigDecimal;

/**
 * Cryptomus invoice parameters Paymux's intent has no field for, passed through as given. Null means "not
 * sent" (Cryptomus's default applies).
 *
 * @param accuracyPaymentPercent {@code accuracy_payment_percent}: how far short of the amount a payment may
 *                               fall and still count as paid
 * @param additionalData         {@code additional_data}: up to 255 characters for the merchant, echoed in
 *                               callbacks, never shown to the customer
 * @param isPaymentMultiple      {@code is_payment_multiple}: whether the customer may top up a short payment
 */
public record CryptomusPaymentOptions(BigDecimal accuracyPaymentPercent, String additionalData,
        Boolean isPaymentMultiple) {

    /** Nothing sent: Cryptomus's defaults. */
    public static CryptomusPaymentOptions none() {
        return new CryptomusPaymentOptions(null, null, null);
    }

    /** These options with any unset field taken from {@code defaults}. */
    public CryptomusPaymentOptions orElse(CryptomusPaymentOptions defaults) {
        if (defaults == null) {
            return this;
        }
        return new CryptomusPaymentOptions(
                accuracyPaymentPercent != null ? accuracyPaymentPercent : defaults.accuracyPaymentPercent,
                additionalData != null ? additionalData : defaults.additionalData,
                isPaymentMultiple != null ? isPaymentMultiple : defaults.isPaymentMultiple);
    }
}
