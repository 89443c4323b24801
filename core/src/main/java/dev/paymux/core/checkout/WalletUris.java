package dev.paymux.core.checkout;

import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What the checkout's QR code holds: a wallet URI where the chain has one, so a scanning wallet fills in
 * address and amount — BIP 21 for Bitcoin, EIP-681 for ether and ERC-20 tokens — and the bare address
 * for TRON, whose wallets agree on no URI scheme.
 */
public final class WalletUris {

    /**
     * The Ethereum network payments are watched on.
     *
     * @param chainId       EIP-155 chain id (1 for mainnet)
     * @param usdtContract  the USDT_ERC20 token contract
     * @param usdtDecimals  the token's decimals (6 for USDT)
     */
    public record Evm(long chainId, String usdtContract, int usdtDecimals) {
        public Evm {
            Objects.requireNonNull(usdtContract, "usdtContract");
        }
    }

    private final Evm evm;

    public WalletUris(Evm evm) {
        this.evm = Objects.requireNonNull(evm, "evm");
    }

    /** The URI for sending exactly {@code amount} of {@code asset} to {@code address}. */
    public String forPayment(Asset asset, String address, BigDecimal amount) {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(amount, "amount");
        return switch (asset) {
            case BTC -> "bitcoin:" + address + "?amount=" + amount.stripTrailingZeros().toPlainString();
            case ETH -> "ethereum:" + address + "@" + evm.chainId() + "?value=" + units(amount, 18);
            case USDT_ERC20 -> "ethereum:" + evm.usdtContract() + "@" + evm.chainId() + "/transfer?address=" + address
                    + "&uint256=" + units(amount, evm.usdtDecimals());
            case USDT_TRC20 -> address;
        };
    }

    /** The amount in the chain's base units, as a plain integer (wallets differ on exponents). */
    static String units(BigDecimal amount, int decimals) {
        BigDecimal units = amount.movePointRight(decimals);
        if (units.signum() < 0 || units.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("amount " + amount.toPlainString() + " is not a whole number of base units");
        }
        return units.toBigIntegerExact().toString();
    }
}
