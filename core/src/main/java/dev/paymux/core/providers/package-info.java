/**
 * Orchestration of provider instances: the registry of configured instances, callbacks and status
 * updates applied to payments, polling of unknown outcomes, and operator actions. It uses the SPI in
 * {@code dev.paymux.core.spi}; adapters never see this package.
 */
package dev.paymux.core.providers;
