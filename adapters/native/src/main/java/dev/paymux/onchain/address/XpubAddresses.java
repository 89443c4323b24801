package dev.paymux.onchain.address;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.AddressDerivation;
import dev.paymux.core.payment.InvalidExtendedKeyException;
import java.util.Objects;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;

/**
 * Receiving addresses derived from a merchant's extended public key, without any private key: the
 * address at index {@code i} is the one of the public child key {@code <account key>/0/i} (the external,
 * or receive, chain), which is what the merchant's wallet shows as its i-th receive address.
 *
 * <p>The key expected is the <b>account-level</b> extended public key a wallet exports (depth 1 to 3;
 * depth 3 is the BIP44/BIP84 account, e.g. {@code m/84'/0'/0'}):
 * <ul>
 *   <li>BTC: the BIP84 account key {@code zpub} (mainnet) or {@code vpub} (testnet, regtest); a plain
 *       {@code xpub}/{@code tpub} is accepted too. Addresses are native SegWit P2WPKH (bech32:
 *       {@code bc1q…}, {@code tb1q…}, {@code bcrt1q…}). The key's network must be the deployment's.</li>
 *   <li>ETH and USDT_ERC20: the secp256k1 account {@code xpub} of {@code m/44'/60'/0'}; addresses are
 *       EIP-55 checksummed {@code 0x…}.</li>
 *   <li>USDT_TRC20: the account {@code xpub} of {@code m/44'/195'/0'}; addresses are TRON base58check
 *       {@code T…} (the payment service keeps TRON USDT on the address pool; the derivation is here for
 *       completeness).</li>
 * </ul>
 * Ethereum and TRON addresses do not depend on the network, so both {@code xpub} and {@code tpub} are
 * accepted for them; SegWit-typed keys ({@code ypub}, {@code zpub} …) are refused there because they come
 * from Bitcoin accounts.
 */
public final class XpubAddresses implements AddressDerivation {

    private static final ChildNumber EXTERNAL_CHAIN = new ChildNumber(0, false);

    private final AddressNetwork network;

    public XpubAddresses(AddressNetwork network) {
        this.network = Objects.requireNonNull(network, "network");
    }

    @Override
    public void validateXpub(Asset asset, String xpub) {
        checked(asset, xpub);
    }

    @Override
    public String derive(Asset asset, String xpub, int index) {
        if (index < 0) {
            throw new IllegalArgumentException("the index must be between 0 and 2^31 - 1, not " + index);
        }
        ExtendedKey account = checked(asset, xpub);
        DeterministicKey external = HDKeyDerivation.deriveChildKey(account.key(), EXTERNAL_CHAIN);
        DeterministicKey child = HDKeyDerivation.deriveChildKey(external, new ChildNumber(index, false));
        return switch (Chain.of(asset)) {
            case BITCOIN -> child.toAddress(ScriptType.P2WPKH, network.bitcoin()).toString();
            case ETHEREUM -> EvmAddresses.fromPublicKey(child.getPubKeyPoint());
            case TRON -> TronAddresses.fromPublicKey(child.getPubKeyPoint());
        };
    }

    private ExtendedKey checked(Asset asset, String xpub) {
        Objects.requireNonNull(asset, "asset");
        ExtendedKey key = ExtendedKey.parse(xpub);
        String prefix = key.version().prefix();
        if (key.version().script == ExtendedKey.Script.MULTISIG) {
            throw new InvalidExtendedKeyException("multisig keys (" + prefix + ") are not supported: "
                    + "give a single-signature account key");
        }
        if (key.depth() == 0) {
            throw new InvalidExtendedKeyException("this is a master key (depth 0): give the account-level key, "
                    + example(asset));
        }
        if (key.depth() > 3) {
            throw new InvalidExtendedKeyException("this key is at depth " + key.depth()
                    + ", below the account level: give the account-level key (depth 3), " + example(asset));
        }
        if (Chain.of(asset) == Chain.BITCOIN) {
            if (key.version().script == ExtendedKey.Script.NESTED_SEGWIT) {
                throw new InvalidExtendedKeyException(prefix + " keys (nested SegWit, P2SH-P2WPKH) are not supported: "
                        + "give the BIP84 native SegWit account key (" + (network.isMainnet() ? "zpub" : "vpub") + ")");
            }
            if (key.version().mainnet != network.isMainnet()) {
                throw new InvalidExtendedKeyException("this is a " + (key.version().mainnet ? "mainnet" : "test network")
                        + " key (" + prefix + ") but Paymux takes Bitcoin on " + network.name().toLowerCase(java.util.Locale.ROOT)
                        + ": give a " + (network.isMainnet() ? "zpub or xpub" : "vpub or tpub"));
            }
        } else if (key.version().script != ExtendedKey.Script.LEGACY) {
            throw new InvalidExtendedKeyException("a " + prefix + " is a Bitcoin SegWit account key; for " + asset.name()
                    + " give the secp256k1 account xpub, " + example(asset));
        }
        return key;
    }

    private static String example(Asset asset) {
        return switch (Chain.of(asset)) {
            case BITCOIN -> "e.g. m/84'/0'/0' (BIP84)";
            case ETHEREUM -> "e.g. m/44'/60'/0'";
            case TRON -> "e.g. m/44'/195'/0'";
        };
    }
}
