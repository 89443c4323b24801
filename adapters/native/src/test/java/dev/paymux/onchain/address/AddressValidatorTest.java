package dev.paymux.onchain.address;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymux.core.money.Asset;
import java.util.List;
import org.bitcoinj.base.BitcoinNetwork;
import org.bitcoinj.base.LegacyAddress;
import org.junit.jupiter.api.Test;

/** Vectors from BIP173 (bech32), BIP350 (bech32m), EIP-55 and TRON's documented USDT contract address. */
class AddressValidatorTest {

    final AddressValidator mainnet = new AddressValidator(AddressNetwork.MAINNET);
    final AddressValidator testnet = new AddressValidator(AddressNetwork.TESTNET);
    final AddressValidator regtest = new AddressValidator(AddressNetwork.REGTEST);

    @Test
    void bitcoinSegwitAddresses() {
        // BIP173: witness v0, upper case allowed and stored lower case
        assertThat(mainnet.canonical(Asset.BTC, "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4"))
                .isEqualTo("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
        assertThat(testnet.isValid(Asset.BTC, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7")).isTrue();
        // BIP350: witness v1 (Taproot) in bech32m
        assertThat(mainnet.isValid(Asset.BTC, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0")).isTrue();
        assertThat(mainnet.isValid(Asset.BTC, XpubAddressesTest.BIP84_ADDRESS_0)).isTrue();
        assertThat(regtest.isValid(Asset.BTC, "bcrt1qs758ursh4q9z627kt3pp5yysm78ddny6txaqgw")).isTrue();
    }

    @Test
    void bitcoinChecksumsAreChecked() {
        String a = XpubAddressesTest.BIP84_ADDRESS_0;
        String typo = a.substring(0, a.length() - 1) + (a.endsWith("u") ? "v" : "u");
        assertThatThrownBy(() -> mainnet.canonical(Asset.BTC, typo))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("checksum");
        // BIP350: v1 with a bech32 (not bech32m) checksum, and v0 with a bech32m checksum
        assertThat(mainnet.isValid(Asset.BTC, "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd")).isFalse();
        assertThat(mainnet.isValid(Asset.BTC, "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P")).isFalse();
        // mixed case is not bech32
        assertThat(mainnet.isValid(Asset.BTC, "bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")).isFalse();
        assertThat(mainnet.isValid(Asset.BTC, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3")).isFalse();
    }

    @Test
    void bitcoinLegacyAddresses() {
        assertThat(mainnet.isValid(Asset.BTC, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2")).isTrue();
        assertThat(mainnet.isValid(Asset.BTC, "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy")).isTrue();
        byte[] hash = new byte[20];
        hash[19] = 7;
        String testP2pkh = LegacyAddress.fromPubKeyHash(BitcoinNetwork.TESTNET, hash).toBase58();
        String testP2sh = LegacyAddress.fromScriptHash(BitcoinNetwork.TESTNET, hash).toBase58();
        assertThat(testP2pkh).matches("[mn].*");
        assertThat(testP2sh).startsWith("2");
        assertThat(testnet.isValid(Asset.BTC, testP2pkh)).isTrue();
        assertThat(testnet.isValid(Asset.BTC, testP2sh)).isTrue();
    }

    @Test
    void bitcoinAddressesOfAnotherNetworkAreRefused() {
        assertThatThrownBy(() -> testnet.canonical(Asset.BTC, XpubAddressesTest.BIP84_ADDRESS_0))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("another network");
        assertThatThrownBy(() -> mainnet.canonical(Asset.BTC, "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("another network");
        assertThatThrownBy(() -> testnet.canonical(Asset.BTC, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("another network");
    }

    @Test
    void ethereumEip55() {
        // EIP-55's own examples
        for (String a : List.of("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
                "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb")) {
            assertThat(mainnet.canonical(Asset.ETH, a)).isEqualTo(a);
            assertThat(mainnet.canonical(Asset.USDT_ERC20, a.toLowerCase())).isEqualTo(a);
            assertThat(mainnet.canonical(Asset.ETH, "0x" + a.substring(2).toUpperCase())).isEqualTo(a);
        }
        assertThat(mainnet.isValid(Asset.ETH, "0x52908400098527886E0F7030069857D2E4169EE7")).isTrue();
        assertThat(mainnet.isValid(Asset.ETH, "0xde709f2102306220921060314715629080e2fb77")).isTrue();
    }

    @Test
    void ethereumMixedCaseMustMatchItsChecksum() {
        assertThatThrownBy(() -> mainnet.canonical(Asset.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("EIP-55");
        assertThat(mainnet.isValid(Asset.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeA")).isFalse();
        assertThat(mainnet.isValid(Asset.ETH, "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed")).isFalse();
        assertThat(mainnet.isValid(Asset.ETH, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg")).isFalse();
    }

    @Test
    void tronBase58check() {
        assertThat(mainnet.isValid(Asset.USDT_TRC20, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t")).isTrue(); // USDT mainnet
        assertThat(mainnet.isValid(Asset.USDT_TRC20, "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf")).isTrue(); // USDT Nile
        assertThat(mainnet.isValid(Asset.USDT_TRC20, "TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH")).isTrue();
        assertThatThrownBy(() -> mainnet.canonical(Asset.USDT_TRC20, "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6u"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("checksum");
        // a valid base58check string with Bitcoin's version byte is not a TRON address
        assertThatThrownBy(() -> mainnet.canonical(Asset.USDT_TRC20, "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("0x41");
        assertThat(mainnet.isValid(Asset.USDT_TRC20, "Tnot-an-address")).isFalse();
        assertThat(mainnet.isValid(Asset.USDT_TRC20, "")).isFalse();
        assertThat(mainnet.isValid(Asset.USDT_TRC20, null)).isFalse();
    }
}
