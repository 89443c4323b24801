package dev.paymux.onchain.address;

import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bouncycastle.math.ec.ECPoint;
import org.web3j.crypto.Hash;

/** TRON addresses: 0x41 followed by the last 20 bytes of keccak256 of the uncompressed key, in base58check. */
final class TronAddresses {

    /** The version byte of every TRON address (mainnet and the Nile and Shasta testnets). */
    static final int PREFIX = 0x41;

    private TronAddresses() {
    }

    static String fromPublicKey(ECPoint point) {
        byte[] uncompressed = point.normalize().getEncoded(false);
        byte[] hash = Hash.sha3(Arrays.copyOfRange(uncompressed, 1, uncompressed.length));
        return Base58.encodeChecked(PREFIX, Arrays.copyOfRange(hash, hash.length - 20, hash.length));
    }
}
