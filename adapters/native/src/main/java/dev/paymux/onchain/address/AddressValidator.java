package dev.paymux.onchain.address;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.money.Asset;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.LegacyAddress;
import org.bitcoinj.base.SegwitAddress;
import org.bitcoinj.base.exceptions.AddressFormatException;
import org.web3j.crypto.Keys;

/**
 * Checks receiving addresses with their checksums, per asset:
 * <ul>
 *   <li>BTC: bech32 (SegWit v0) and bech32m (v1+, Taproot) with the deployment network's prefix
 *       ({@code bc1}, {@code tb1}, {@code bcrt1}), and legacy base58check P2PKH/P2SH ({@code 1…}/{@code 3…}
 *       on mainnet, {@code m…}/{@code n…}/{@code 2…} on the test networks);</li>
 *   <li>ETH, USDT_ERC20: {@code 0x} and 40 hex digits; an all-lower- or all-upper-case address carries no
 *       checksum and is accepted, a mixed-case one must match its EIP-55 checksum;</li>
 *   <li>USDT_TRC20: base58check with the {@code 0x41} version byte ({@code T…}).</li>
 * </ul>
 */
public final class AddressValidator {

    private static final Pattern EVM = Pattern.compile("0x[0-9a-fA-F]{40}");

    private final AddressNetwork network;

    public AddressValidator(AddressNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    public boolean isValid(Asset asset, String address) {
        try {
            canonical(asset, address);
            return true;
        } catch (InvalidAddressException e) {
            return false;
        }
    }

    /**
     * The address in the form Paymux stores and shows it: bech32 in lower case, Ethereum addresses with their
     * EIP-55 checksum, others as given (trimmed).
     *
     * @throws InvalidAddressException saying what is wrong
     */
    public String canonical(Asset asset, String address) {
        Objects.requireNonNull(asset, "asset");
        if (address == null || address.isBlank()) {
            throw new InvalidAddressException("the address is empty");
        }
        String a = address.trim();
        return switch (Chain.of(asset)) {
            case BITCOIN -> bitcoin(a);
            case ETHEREUM -> ethereum(a);
            case TRON -> tron(a);
        };
    }

    private String bitcoin(String a) {
        String hrp = network.bitcoin().segwitAddressHrp() + "1";
        try {
            if (a.toLowerCase(Locale.ROOT).startsWith(hrp)) {
                // bitcoinj checks the checksum variant too: bech32 for witness v0, bech32m for v1 and later
                return SegwitAddress.fromBech32(a, network.bitcoin()).toBech32();
            }
            if (looksLikeSegwit(a)) {
                throw new InvalidAddressException("this SegWit address is for another network: Paymux takes Bitcoin on "
                        + networkName() + " (addresses start with " + hrp + ")");
            }
            return LegacyAddress.fromBase58(a, network.bitcoin()).toBase58();
        } catch (AddressFormatException.InvalidChecksum e) {
            throw new InvalidAddressException("the checksum does not match (a typo?)");
        } catch (AddressFormatException.WrongNetwork e) {
            throw new InvalidAddressException("this address is for another network: Paymux takes Bitcoin on " + networkName());
        } catch (AddressFormatException e) {
            throw new InvalidAddressException("not a Bitcoin address" + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static boolean looksLikeSegwit(String a) {
        String lower = a.toLowerCase(Locale.ROOT);
        return lower.startsWith("bc1") || lower.startsWith("tb1") || lower.startsWith("bcrt1");
    }

    private String networkName() {
        return network.name().toLowerCase(Locale.ROOT);
    }

    private static String ethereum(String a) {
        if (!EVM.matcher(a).matches()) {
            throw new InvalidAddressException("not an Ethereum address (0x and 40 hexadecimal digits)");
        }
        String hex = a.substring(2);
        String checksummed = Keys.toChecksumAddress(a);
        boolean mixedCase = !hex.equals(hex.toLowerCase(Locale.ROOT)) && !hex.equals(hex.toUpperCase(Locale.ROOT));
        if (mixedCase && !checksummed.equals(a)) {
            throw new InvalidAddressException("the EIP-55 checksum does not match (a mixed-case address must match "
                    + "its checksum; a typo?)");
        }
        return checksummed;
    }

    private static String tron(String a) {
        byte[] decoded;
        try {
            decoded = Base58.decodeChecked(a);
        } catch (AddressFormatException.InvalidChecksum e) {
            throw new InvalidAddressException("the checksum does not match (a typo?)");
        } catch (AddressFormatException e) {
            throw new InvalidAddressException("not a TRON address (base58check T…)");
        }
        if (decoded.length != 21 || (decoded[0] & 0xff) != TronAddresses.PREFIX) {
            throw new InvalidAddressException("not a TRON address (it must start with T and carry the 0x41 prefix)");
        }
        return a;
    }
}
