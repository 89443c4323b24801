package dev.paymux.cryptomus;

import dev.paymux.core.spi.ProviderException;

/**
 * An answer Cryptomus gave that means failure although its transport succeeded (HTTP 200 with
 * {@code state != 0}, or a body that is not what was asked), found while mapping it; becomes a
 * {@link ProviderException} at the call's edge. Transport failures (status, I/O, unreadable JSON) are the shared
 * {@link dev.paymux.adapter.http.ProviderErrors}'.
 */
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
