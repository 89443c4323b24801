package dev.paymux.onchain.tron;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.exceptions.AddressFormatException;

/**
 * TRON account addresses: {@code 0x41} followed by 20 bytes, shown as base58check ({@code T...}).
 * TronGrid's lists use base58, the node's transaction info uses bare hex (20 bytes, sometimes with
 * the {@code 41} prefix), so the watcher converts between the two.
 */
final class TronAddress {

    private static final int PREFIX = 0x41;
    private static final HexFormat HEX = HexFormat.of();

    private TronAddress() {
    }

    /** The 20 account bytes of a base58check TRON address, or empty when it is not one. */
    static Optional<byte[]> toBytes(String base58) {
        if (base58 == null || base58.length() != 34 || base58.charAt(0) != 'T') {
            return Optional.empty();
        }
        try {
            byte[] decoded = Base58.decodeChecked(base58);
            if (decoded.length != 21 || (decoded[0] & 0xff) != PREFIX) {
                return Optional.empty();
            }
            byte[] account = new byte[20];
            System.arraycopy(decoded, 1, account, 0, 20);
            return Optional.of(account);
        } catch (AddressFormatException e) {
            return Optional.empty();
        }
    }

    /** Lower-case 40-hex-digit account of a base58check address, or empty when it is not one. */
    static Optional<String> toHex(String base58) {
        return toBytes(base58).map(HEX::formatHex);
    }

    /**
     * The base58check address of a hex account: 40 digits, 42 with the {@code 41} prefix, or a 64-digit
     * topic (the account is its last 40 digits); an optional {@code 0x} is ignored.
     */
    static String fromHex(String hex) {
        String h = hex.toLowerCase(Locale.ROOT);
        if (h.startsWith("0x")) {
            h = h.substring(2);
        }
        if (h.length() == 42 && h.startsWith("41")) {
            h = h.substring(2);
        } else if (h.length() == 64) {
            h = h.substring(24);
        }
        if (h.length() != 40) {
            throw new IllegalArgumentException("not a TRON account in hex: " + hex);
        }
        return Base58.encodeChecked(PREFIX, HEX.parseHex(h));
    }
}
