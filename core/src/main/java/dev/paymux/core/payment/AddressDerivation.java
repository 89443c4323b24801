package dev.paymux.core.payment;

import dev.paymux.core.money.Asset;

/**
 * Non-custodial receiving addresses: the address at an index of the external (receive) chain of a
 * merchant's extended public key. Paymux never sees a private key.
 */
public interface AddressDerivation {

    /**
     * Checks that {@code xpub} is an extended public key this deployment can derive {@code asset}
     * addresses from (checksum, public not private, network, key type).
     *
     * @throws InvalidExtendedKeyException with a message that says what is wrong, never echoing a private key
     */
    void validateXpub(Asset asset, String xpub);

    /**
     * The receiving address at {@code index} (0 &le; index &lt; 2<sup>31</sup>) of the key's external chain:
     * {@code <key>/0/<index>}.
     *
     * @throws InvalidExtendedKeyException when the key does not pass {@link #validateXpub}
     */
    String derive(Asset asset, String xpub, int index);
}
