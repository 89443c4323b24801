package dev.paymux.onchain.address;

/** A receiving address that fails its format or checksum; the message says why and is safe to show. */
public final class InvalidAddressException extends IllegalArgumentException {

    public InvalidAddressException(String message) {
        super(message);
    }
}
