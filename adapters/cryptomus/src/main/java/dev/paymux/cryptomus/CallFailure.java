package dev.paymux.cryptomus;

import dev.paymux.core.provider.ProviderException;

/** A failed Cryptomus call, typed inside the adapter; becomes a {@link ProviderException} at the edge. */
final class CallFailure extends RuntimeException {

    final ProviderException.Kind kind;

    CallFailure(ProviderException.Kind kind, String message) {
        this(kind, message, null);
    }

    CallFailure(ProviderException.Kind kind, String message, Throwable cause) {
        super(message, cause, false, false);
        this.kind = kind;
    }
}
