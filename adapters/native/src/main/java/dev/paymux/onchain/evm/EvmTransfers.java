package dev.paymux.onchain.evm;

import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.Transaction;

/** Turns blocks and {@code Transfer} logs into {@link ChainTransfer}s to watched addresses. */
final class EvmTransfers {

    /** keccak256("Transfer(address,address,uint256)"), topic 0 of every ERC-20 transfer. */
    static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private EvmTransfers() {
    }

    /**
     * Watched addresses keyed by their lower-case form, each mapped to the exact string the application
     * gave, which is what reports carry so the application can match them as it stored them.
     */
    static Map<String, String> byLowerCase(Set<String> watched) {
        Map<String, String> map = new HashMap<>();
        for (String address : watched) {
            map.putIfAbsent(lower(address.trim()), address);
        }
        return map;
    }

    /** Native ETH transfers straight to a watched address (top-level transactions only, value above zero). */
    static List<Transaction> ethCandidates(EthBlock.Block block, Map<String, String> watched) {
        if (watched.isEmpty() || block.getTransactions() == null) {
            return List.of();
        }
        return block.getTransactions().stream()
                .filter(EthBlock.TransactionObject.class::isInstance)
                .map(t -> (Transaction) t.get())
                .filter(tx -> tx.getTo() != null && watched.containsKey(lower(tx.getTo())))
                .filter(tx -> tx.getValue() != null && tx.getValue().signum() > 0)
                .toList();
    }

    static ChainTransfer ethTransfer(Transaction tx, Map<String, String> watched, Block block) {
        return new ChainTransfer(new TransferKey(Chain.ETHEREUM, lower(tx.getHash()), 0), Asset.ETH,
                watched.get(lower(tx.getTo())), units(tx.getValue(), 18), block.height(), block.hash(),
                block.time());
    }

    /** A USDT transfer from a log, when it is a well-formed {@code Transfer} to a watched address. */
    static Optional<ChainTransfer> tokenTransfer(Log log, String contract, int decimals, Map<String, String> watched,
            Block block) {
        List<String> topics = log.getTopics();
        if (log.isRemoved() || topics == null || topics.size() != 3 || !TRANSFER_TOPIC.equalsIgnoreCase(topics.get(0))
                || !contract.equalsIgnoreCase(log.getAddress()) || topics.get(2).length() < 40) {
            return Optional.empty();
        }
        String to = "0x" + lower(topics.get(2).substring(topics.get(2).length() - 40));
        String watchedAs = watched.get(to);
        BigInteger value = uint(log.getData());
        if (watchedAs == null || value == null || value.signum() <= 0) {
            return Optional.empty();
        }
        TransferKey key = new TransferKey(Chain.ETHEREUM, lower(log.getTransactionHash()),
                log.getLogIndex().intValueExact());
        return Optional.of(new ChainTransfer(key, Asset.USDT_ERC20, watchedAs, units(value, decimals),
                block.height(), block.hash(), block.time()));
    }

    /** A zero-padded 32-byte topic for {@code address}, as {@code eth_getLogs} matches it. */
    static String addressTopic(String lowerCaseAddress) {
        return "0x000000000000000000000000" + lowerCaseAddress.substring(2);
    }

    /** Base units to whole units: 1500000 with 6 decimals is 1.5; no trailing zeros, never a negative scale. */
    static BigDecimal units(BigInteger baseUnits, int decimals) {
        BigDecimal amount = new BigDecimal(baseUnits, decimals).stripTrailingZeros();
        return amount.scale() < 0 ? amount.setScale(0) : amount;
    }

    private static BigInteger uint(String data) {
        if (data == null || !data.startsWith("0x") || data.length() != 66) {
            return null;
        }
        try {
            return new BigInteger(data.substring(2), 16);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** The facts of a read block the reports need. */
    record Block(long height, String hash, String parentHash, Instant time) {

        static Block of(EthBlock.Block b) {
            return new Block(b.getNumber().longValueExact(), lower(b.getHash()), lower(b.getParentHash()),
                    Instant.ofEpochSecond(b.getTimestamp().longValueExact()));
        }
    }
}
