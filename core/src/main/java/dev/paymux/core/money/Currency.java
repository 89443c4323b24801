package dev.paymux.core.money;

import java.util.Optional;

/**
 * What the ledger counts money in: a pay-in asset on a network ({@link Asset}) or a fiat currency
 * ({@link Fiat}) that a provider collected, e.g. a card payment in {@code RUB}. Postings and balances are
 * kept per currency; one never converts into another in the ledger.
 */
public sealed interface Currency permits Asset, Fiat {

    /** The code postings and the balance endpoint use: {@code USDT_TRC20}, {@code BTC}, {@code RUB}. */
    String code();

    /** The most decimals an amount in this currency may carry. */
    int decimals();

    /** The decimals amounts are shown with. */
    int displayScale();

    /** An asset or fiat code, case-insensitively; empty for anything else. */
    static Optional<Currency> parse(String code) {
        Optional<Currency> asset = Asset.parse(code).map(Currency.class::cast);
        return asset.isPresent() ? asset : Fiat.parse(code).map(Currency.class::cast);
    }
}
