package dev.paymux.onchain.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.InvalidExtendedKeyException;
import java.util.Arrays;
import java.util.List;
import org.bitcoinj.base.Base58;
import org.bitcoinj.base.Sha256Hash;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.ScriptType;
import org.bitcoinj.crypto.ChildNumber;
import org.bitcoinj.crypto.DeterministicKey;
import org.bitcoinj.crypto.HDKeyDerivation;
import org.bitcoinj.crypto.MnemonicCode;
import org.junit.jupiter.api.Test;
import org.tron.trident.core.key.KeyPair;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;

/**
 * Public derivation checked against published vectors and, where none is published for our path,
 * against private derivation from the same mnemonic (done here, in the test, only).
 */
class XpubAddressesTest {

    /** BIP84's test mnemonic: "abandon" eleven times, then "about". */
    static final List<String> MNEMONIC = List.of("abandon", "abandon", "abandon", "abandon", "abandon", "abandon",
            "abandon", "abandon", "abandon", "abandon", "abandon", "about");
    static final DeterministicKey MASTER = HDKeyDerivation.createMasterPrivateKey(MnemonicCode.toSeed(MNEMONIC, ""));

    /** BIP84 test vectors: account 0 (m/84'/0'/0') and its first receive addresses. */
    static final String BIP84_ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSdVCToUG868RvUUkgDKf31mGDtKsAYz2oz2AGutZYs";
    /** The vector with its last 43 characters garbled, as a mistyped paste would be: the checksum fails. */
    static final String GARBLED_ZPUB = "zpub6rFR7y4Q2AijBEqTUquhVz398htDFrtymD9xYYfG1m4wAcvPhXNfE3EfH1r1ADqtfSZTpRf6XxBmgEcpT2HvqqUeLQPAr9dfEQxh9hV9JEY";
    static final String BIP84_ADDRESS_0 = "bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu";
    static final String BIP84_ADDRESS_1 = "bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g";

    final XpubAddresses mainnet = new XpubAddresses(AddressNetwork.MAINNET);
    final XpubAddresses testnet = new XpubAddresses(AddressNetwork.TESTNET);

    @Test
    void bip84VectorsFromTheZpub() {
        assertThat(mainnet.derive(Asset.BTC, BIP84_ZPUB, 0)).isEqualTo(BIP84_ADDRESS_0);
        assertThat(mainnet.derive(Asset.BTC, BIP84_ZPUB, 1)).isEqualTo(BIP84_ADDRESS_1);
    }

    @Test
    void theZpubOfTheVectorIsTheAccountKeyOfTheMnemonic() {
        DeterministicKey account = path(MASTER, 84, 0);
        assertThat(account.serializePubB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH)).isEqualTo(BIP84_ZPUB);
    }

    @Test
    void aPlainXpubOfTheSameAccountGivesTheSameSegwitAddresses() {
        String xpub = path(MASTER, 84, 0).serializePubB58(BitcoinNetwork.MAINNET);
        assertThat(xpub).startsWith("xpub");
        assertThat(mainnet.derive(Asset.BTC, xpub, 0)).isEqualTo(BIP84_ADDRESS_0);
    }

    @Test
    void testnetVpubMatchesPrivateDerivation() {
        DeterministicKey account = path(MASTER, 84, 1);
        String vpub = account.serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);
        assertThat(vpub).startsWith("vpub");
        for (int i = 0; i < 3; i++) {
            String expected = child(account, i).toAddress(ScriptType.P2WPKH, BitcoinNetwork.TESTNET).toString();
            assertThat(testnet.derive(Asset.BTC, vpub, i)).isEqualTo(expected).startsWith("tb1q");
        }
        assertThat(new XpubAddresses(AddressNetwork.REGTEST).derive(Asset.BTC, vpub, 0)).startsWith("bcrt1q");
    }

    @Test
    void ethereumAddressesMatchPrivateDerivation() {
        DeterministicKey account = path(MASTER, 44, 60);
        String xpub = account.serializePubB58(BitcoinNetwork.MAINNET);
        // The well-known first account of this mnemonic in every Ethereum wallet.
        assertThat(mainnet.derive(Asset.ETH, xpub, 0)).isEqualTo("0x9858EfFD232B4033E47d90003D41EC34EcaEda94");
        for (int i = 0; i < 5; i++) {
            ECKeyPair pair = ECKeyPair.create(child(account, i).getPrivKey());
            String expected = Keys.toChecksumAddress(Keys.getAddress(pair));
            assertThat(mainnet.derive(Asset.ETH, xpub, i)).isEqualTo(expected);
            assertThat(mainnet.derive(Asset.USDT_ERC20, xpub, i)).isEqualTo(expected);
        }
    }

    @Test
    void tronAddressesMatchTridentAndPrivateDerivation() {
        DeterministicKey account = path(MASTER, 44, 195);
        String xpub = account.serializePubB58(BitcoinNetwork.MAINNET);
        assertThat(mainnet.derive(Asset.USDT_TRC20, xpub, 0)).isEqualTo("TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH");
        for (int i = 0; i < 5; i++) {
            KeyPair pair = new KeyPair(child(account, i).getPrivateKeyAsHex());
            String trident = KeyPair.publicKeyToBase58CheckAddress(pair.getRawPair().getPublicKey());
            assertThat(mainnet.derive(Asset.USDT_TRC20, xpub, i)).isEqualTo(trident);
        }
    }

    @Test
    void derivationIsTheExternalChainAtTheIndex() {
        DeterministicKey account = path(MASTER, 84, 0);
        String expected = child(account, 1_000_000).toAddress(ScriptType.P2WPKH, BitcoinNetwork.MAINNET).toString();
        assertThat(mainnet.derive(Asset.BTC, BIP84_ZPUB, 1_000_000)).isEqualTo(expected);
        assertThatThrownBy(() -> mainnet.derive(Asset.BTC, BIP84_ZPUB, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBadChecksumIsRefused() {
        String typo = BIP84_ZPUB.substring(0, 50) + (BIP84_ZPUB.charAt(50) == 'a' ? 'b' : 'a') + BIP84_ZPUB.substring(51);
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, typo))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, GARBLED_ZPUB))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("checksum");
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, "not a key"))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("base58");
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, "  "))
                .isInstanceOf(InvalidExtendedKeyException.class);
    }

    @Test
    void privateKeysAreRefusedWithoutRepeatingThem() {
        DeterministicKey account = path(MASTER, 84, 0);
        for (String priv : List.of(account.serializePrivB58(BitcoinNetwork.MAINNET),
                account.serializePrivB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH),
                account.serializePrivB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH))) {
            assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, priv))
                    .isInstanceOf(InvalidExtendedKeyException.class)
                    .hasMessageContaining("PRIVATE key")
                    .hasMessageNotContaining(priv.substring(4, 20));
            assertThatThrownBy(() -> mainnet.derive(Asset.ETH, priv, 0)).isInstanceOf(InvalidExtendedKeyException.class);
        }
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, account.serializePrivB58(BitcoinNetwork.MAINNET, ScriptType.P2WPKH)))
                .hasMessageContaining("(zprv)");
    }

    @Test
    void theKeyMustBeForTheDeploymentsBitcoinNetwork() {
        String vpub = path(MASTER, 84, 1).serializePubB58(BitcoinNetwork.TESTNET, ScriptType.P2WPKH);
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, vpub))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("test network key (vpub)")
                .hasMessageContaining("mainnet");
        assertThatThrownBy(() -> testnet.validateXpub(Asset.BTC, BIP84_ZPUB))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("mainnet key (zpub)");
    }

    @Test
    void keysOfTheWrongKindOrLevelAreRefused() {
        DeterministicKey ethAccount = path(MASTER, 44, 60);
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.ETH, BIP84_ZPUB))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("Bitcoin SegWit");
        String ypub = withVersion(path(MASTER, 49, 0).serializePubB58(BitcoinNetwork.MAINNET), 0x049D7CB2);
        assertThat(ypub).startsWith("ypub");
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, ypub))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("nested SegWit");
        String multisig = withVersion(BIP84_ZPUB, 0x02AA7ED3);
        assertThat(multisig).startsWith("Zpub");
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.BTC, multisig))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("multisig");
        String master = MASTER.dropPrivateBytes().dropParent().serializePubB58(BitcoinNetwork.MAINNET);
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.ETH, master))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("master key");
        DeterministicKey chainLevel = HDKeyDerivation.deriveChildKey(ethAccount, new ChildNumber(0, false));
        assertThatThrownBy(() -> mainnet.validateXpub(Asset.ETH, chainLevel.serializePubB58(BitcoinNetwork.MAINNET)))
                .isInstanceOf(InvalidExtendedKeyException.class).hasMessageContaining("depth 4");
        // the account key itself is fine, and as a tpub too: Ethereum addresses do not name a network
        mainnet.validateXpub(Asset.ETH, ethAccount.serializePubB58(BitcoinNetwork.MAINNET));
        mainnet.validateXpub(Asset.ETH, ethAccount.serializePubB58(BitcoinNetwork.TESTNET));
    }

    /** The same key with other SLIP-132 version bytes. */
    static String withVersion(String key, int header) {
        byte[] raw = Base58.decodeChecked(key);
        raw[0] = (byte) (header >>> 24);
        raw[1] = (byte) (header >>> 16);
        raw[2] = (byte) (header >>> 8);
        raw[3] = (byte) header;
        byte[] check = Sha256Hash.hashTwice(raw);
        byte[] full = Arrays.copyOf(raw, raw.length + 4);
        System.arraycopy(check, 0, full, raw.length, 4);
        return Base58.encode(full);
    }

    /** m/purpose'/coin'/0' */
    static DeterministicKey path(DeterministicKey master, int purpose, int coin) {
        DeterministicKey k = HDKeyDerivation.deriveChildKey(master, new ChildNumber(purpose, true));
        k = HDKeyDerivation.deriveChildKey(k, new ChildNumber(coin, true));
        return HDKeyDerivation.deriveChildKey(k, new ChildNumber(0, true));
    }

    /** account/0/index, from the private key */
    static DeterministicKey child(DeterministicKey account, int index) {
        DeterministicKey external = HDKeyDerivation.deriveChildKey(account, new ChildNumber(0, false));
        return HDKeyDerivation.deriveChildKey(external, new ChildNumber(index, false));
    }
}
