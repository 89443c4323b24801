/**
 * The exchanger-style order-route adapter: {@link dev.paymux.exchanger.ExchangerProvider} built from an
 * {@link dev.paymux.exchanger.ExchangerConfig}, its routes ({@link dev.paymux.exchanger.ExchangerRoute}),
 * the pluggable {@link dev.paymux.exchanger.RequestSigner}, and the currency-code table
 * {@link dev.paymux.exchanger.CurrencyCodes}.
 */
package dev.paymux.exchanger;
