package dev.paymux.core.rates;

public final class RatesUnavailableException extends RuntimeException {
    public RatesUnavailableException(String message) {
        super(message);
    }
}
