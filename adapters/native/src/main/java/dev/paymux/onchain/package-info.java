/**
 * Paymux's own provider: it derives receiving addresses from merchants' extended public keys and
 * watches Ethereum, TRON and Bitcoin for transfers to them, reporting to core's
 * {@link dev.paymux.core.chain.TransferSink}. It depends on {@code core} only and never on the database.
 */
package dev.paymux.onchain;
