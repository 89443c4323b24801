package dev.paymux.onchain.address;

import java.util.Locale;
import org.bitcoinj.base.BitcoinNetwork;

/**
 * The Bitcoin network a deployment takes payments on. It decides which extended keys are accepted
 * ({@code zpub}/{@code xpub} on mainnet, {@code vpub}/{@code tpub} on the test networks) and the address
 * prefix ({@code bc1}, {@code tb1}, {@code bcrt1} for a local regtest node). Ethereum and TRON addresses
 * look the same on every network, so only Bitcoin depends on it.
 */
public enum AddressNetwork {
    MAINNET(BitcoinNetwork.MAINNET),
    TESTNET(BitcoinNetwork.TESTNET),
    REGTEST(BitcoinNetwork.REGTEST);

    private final BitcoinNetwork bitcoin;

    AddressNetwork(BitcoinNetwork bitcoin) {
        this.bitcoin = bitcoin;
    }

    BitcoinNetwork bitcoin() {
        return bitcoin;
    }

    boolean isMainnet() {
        return this == MAINNET;
    }

    /** {@code mainnet}, {@code testnet} or {@code regtest}, in any case. */
    public static AddressNetwork parse(String name) {
        if (name == null) {
            throw new IllegalArgumentException("the Bitcoin network is required (mainnet, testnet or regtest)");
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Bitcoin network '" + name + "' (mainnet, testnet or regtest)");
        }
    }
}
