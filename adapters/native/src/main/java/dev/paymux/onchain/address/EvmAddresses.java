package dev.paymux.onchain.address;

import java.util.Arrays;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Keys;
import org.web3j.utils.Numeric;

/** Ethereum addresses of public keys: the last 20 bytes of keccak256 of the uncompressed key, EIP-55 cased. */
final class EvmAddresses {

    private EvmAddresses() {
    }

    static String fromPublicKey(ECPoint point) {
        byte[] uncompressed = point.normalize().getEncoded(false); // 0x04 || x || y
        byte[] xy = Arrays.copyOfRange(uncompressed, 1, uncompressed.length);
        return Keys.toChecksumAddress(Numeric.toHexStringNoPrefix(Keys.getAddress(xy)));
    }
}
