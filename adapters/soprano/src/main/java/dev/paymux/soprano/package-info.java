/**
 * The Soprano Exchange adapter: a fiat (card) gateway behind Paymux's provider SPI. Public are the
 * provider, its configuration record and the created-payments store; everything else is the
 * implementation (Feign client, JSON, mapping, status table, callbacks, resilience, health).
 */
package dev.paymux.soprano;
