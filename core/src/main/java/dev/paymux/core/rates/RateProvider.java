package dev.paymux.core.rates;

/** The current coin prices, from whichever source is configured and healthy. */
public interface RateProvider {

    /**
     * @return the freshest usable rate table
     * @throws RatesUnavailableException when no source answers and the last good table is too old
     */
    RateTable current();
}
