/**
 * The provider SPI: what an adapter implements ({@link dev.paymux.core.spi.PaymentProvider},
 * {@link dev.paymux.core.spi.PaymentProviderFactory}) and the records it exchanges with the core.
 * Nothing here depends on the rest of the core; adapters depend only on this package and
 * {@code adapters/http}.
 */
package dev.paymux.core.spi;
