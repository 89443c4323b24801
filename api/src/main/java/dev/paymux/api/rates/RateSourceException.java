package dev.paymux.api.rates;

/** A source answered, but with something we cannot price from (not JSON, wrong shape, its own error). */
final class RateSourceException extends RuntimeException {

    RateSourceException(String message) {
        super(message);
    }
}
