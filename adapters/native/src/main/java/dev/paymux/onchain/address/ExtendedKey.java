package dev.paymux.onchain.address;

import dev.paymux.core.payment.InvalidExtendedKeyException;
import java.util.Arrays;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * A BIP32 extended key read from its base58check text, with what its version bytes say (SLIP-132):
 * public or private, mainnet or test network, and the script type the wallet meant it for.
 */
record ExtendedKey(Version version, int depth, DeterministicKey key) {

    /** The script a wallet uses the key's addresses with, as the version bytes tell it. */
    enum Script { LEGACY, NESTED_SEGWIT, NATIVE_SEGWIT, MULTISIG }

    enum Version {
        XPUB(0x0488B21E, false, true, Script.LEGACY), XPRV(0x0488ADE4, true, true, Script.LEGACY),
        YPUB(0x049D7CB2, false, true, Script.NESTED_SEGWIT), YPRV(0x049D7878, true, true, Script.NESTED_SEGWIT),
        ZPUB(0x04B24746, false, true, Script.NATIVE_SEGWIT), ZPRV(0x04B2430C, true, true, Script.NATIVE_SEGWIT),
        YPUB_MULTISIG(0x0295B43F, false, true, Script.MULTISIG), YPRV_MULTISIG(0x0295B005, true, true, Script.MULTISIG),
        ZPUB_MULTISIG(0x02AA7ED3, false, true, Script.MULTISIG), ZPRV_MULTISIG(0x02AA7A99, true, true, Script.MULTISIG),
        TPUB(0x043587CF, false, false, Script.LEGACY), TPRV(0x04358394, true, false, Script.LEGACY),
        UPUB(0x044A5262, false, false, Script.NESTED_SEGWIT), UPRV(0x044A4E28, true, false, Script.NESTED_SEGWIT),
        VPUB(0x045F1CF6, false, false, Script.NATIVE_SEGWIT), VPRV(0x045F18BC, true, false, Script.NATIVE_SEGWIT),
        UPUB_MULTISIG(0x024289EF, false, false, Script.MULTISIG), UPRV_MULTISIG(0x024285B5, true, false, Script.MULTISIG),
        VPUB_MULTISIG(0x02575483, false, false, Script.MULTISIG), VPRV_MULTISIG(0x02575048, true, false, Script.MULTISIG);

        final int header;
        final boolean isPrivate;
        final boolean mainnet;
        final Script script;

        Version(int header, boolean isPrivate, boolean mainnet, Script script) {
            this.header = header;
            this.isPrivate = isPrivate;
            this.mainnet = mainnet;
            this.script = script;
        }

        /** The four-letter prefix wallets show: xpub, Zpub, vprv … */
        String prefix() {
            String base = name().substring(0, 4).toLowerCase(java.util.Locale.ROOT);
            return script == Script.MULTISIG ? Character.toUpperCase(base.charAt(0)) + base.substring(1) : base;
        }

        static Version of(int header) {
            for (Version v : values()) {
                if (v.header == header) {
                    return v;
                }
            }
            return null;
        }
    }

    private static final int SERIALIZED_LENGTH = 78;

    /**
     * Reads an extended key. A private key is refused here, before its material goes anywhere, and the
     * message never repeats it.
     */
    static ExtendedKey parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidExtendedKeyException("the extended public key is empty");
        }
        byte[] raw;
        try {
            raw = Base58.decodeChecked(text.trim());
        } catch (AddressFormatException.InvalidChecksum e) {
            throw new InvalidExtendedKeyException("the extended public key's checksum does not match: "
                    + "check that it was copied completely and without typos");
        } catch (AddressFormatException e) {
            throw new InvalidExtendedKeyException("not an extended public key: it is not valid base58check");
        }
        try {
            if (raw.length != SERIALIZED_LENGTH) {
                throw new InvalidExtendedKeyException("not an extended public key: it encodes " + raw.length
                        + " bytes, not " + SERIALIZED_LENGTH);
            }
            int header = ((raw[0] & 0xff) << 24) | ((raw[1] & 0xff) << 16) | ((raw[2] & 0xff) << 8) | (raw[3] & 0xff);
            Version version = Version.of(header);
            if (version == null) {
                throw new InvalidExtendedKeyException(String.format(
                        "not an extended public key: unknown version bytes 0x%08x", header));
            }
            if (version.isPrivate) {
                throw new InvalidExtendedKeyException("this is an extended PRIVATE key (" + version.prefix()
                        + "): Paymux never takes private keys. Export the account's extended public key instead "
                        + "(xpub, zpub, tpub or vpub) and keep the private key in your wallet");
            }
            if (raw[45] != 0x02 && raw[45] != 0x03) {
                throw new InvalidExtendedKeyException("not an extended public key: the key data is not a compressed "
                        + "public key");
            }
            int depth = raw[4] & 0xff;
            byte[] chainCode = Arrays.copyOfRange(raw, 13, 45);
            byte[] publicKey = Arrays.copyOfRange(raw, 45, 78);
            DeterministicKey key = HDKeyDerivation.createMasterPubKeyFromBytes(publicKey, chainCode);
            try {
                key.getPubKeyPoint(); // decodes the point: a key that is not on the curve fails here, not later
            } catch (IllegalArgumentException e) {
                throw new InvalidExtendedKeyException("not an extended public key: the key is not a point on secp256k1");
            }
            return new ExtendedKey(version, depth, key);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }
}
