package dev.paymux.onchain.evm;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Settings of the {@link EthereumWatcher}. The application binds them as
 * {@code paymux.chains.ethereum.<kebab-case field>} (e.g. {@code rpc-url}, {@code max-blocks-per-poll}).
 *
 * @param rpcUrl JSON-RPC HTTP endpoint (a node, a provider URL with its key, or a local Hardhat node)
 * @param usdtContract address of the USDT (ERC-20) token contract whose {@code Transfer} logs are read
 * @param usdtDecimals the token's decimals (6 for USDT): base units are divided by 10^decimals
 * @param startBlock first block to read when there is no cursor yet; null for {@code head - lookback}
 * @param lookback how many blocks below the head to start from when there is no cursor and no start block
 * @param maxBlocksPerPoll most blocks read by one {@link EthereumWatcher#poll()} (also the
 *     {@code eth_getLogs} range, which providers limit)
 * @param rememberBlocks how many recent block hashes are kept to find a fork point; deeper reorgs cannot
 *     be undone exactly
 * @param topicFilterMaxAddresses up to this many watched USDT addresses are sent as a {@code to} topic
 *     filter, so the node returns only their logs; with more, all of the token's logs are read and
 *     filtered here (0 never filters by topic)
 * @param timeout connect and whole-call timeout of one JSON-RPC request
 * @param retryMaxAttempts attempts per JSON-RPC request (1 = no retry); HTTP 429 is not retried here
 * @param retryBackoff wait before the first retry, doubled for each further one
 * @param circuitBreakerFailureRateThreshold failure rate in percent that opens the circuit
 * @param circuitBreakerSlidingWindowSize number of recent calls the failure rate is computed over
 * @param circuitBreakerMinimumCalls calls needed before the failure rate is judged
 * @param circuitBreakerWaitInOpenState how long an open circuit rejects calls before probing again
 */
public record EthereumWatcherConfig(
        String rpcUrl,
        String usdtContract,
        int usdtDecimals,
        Long startBlock,
        int lookback,
        int maxBlocksPerPoll,
        int rememberBlocks,
        int topicFilterMaxAddresses,
        Duration timeout,
        int retryMaxAttempts,
        Duration retryBackoff,
        int circuitBreakerFailureRateThreshold,
        int circuitBreakerSlidingWindowSize,
        int circuitBreakerMinimumCalls,
        Duration circuitBreakerWaitInOpenState) {

    /** Tether USD on Ethereum mainnet. */
    public static final String MAINNET_USDT = "0xdAC17F958D2ee523a2206206994597C13D831ec7";

    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");

    public EthereumWatcherConfig {
        Objects.requireNonNull(rpcUrl, "rpcUrl");
        Objects.requireNonNull(usdtContract, "usdtContract");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        Objects.requireNonNull(circuitBreakerWaitInOpenState, "circuitBreakerWaitInOpenState");
        if (!ADDRESS.matcher(usdtContract).matches()) {
            throw new IllegalArgumentException("usdtContract is not an Ethereum address: " + usdtContract);
        }
        require(usdtDecimals >= 0 && usdtDecimals <= 36, "usdtDecimals must be 0..36");
        require(startBlock == null || startBlock >= 0, "startBlock must not be negative");
        require(lookback >= 0, "lookback must not be negative");
        require(maxBlocksPerPoll >= 1, "maxBlocksPerPoll must be at least 1");
        require(rememberBlocks >= 2, "rememberBlocks must be at least 2");
        require(topicFilterMaxAddresses >= 0, "topicFilterMaxAddresses must not be negative");
        require(!timeout.isNegative() && !timeout.isZero(), "timeout must be positive");
        require(retryMaxAttempts >= 1, "retryMaxAttempts must be at least 1");
        require(!retryBackoff.isNegative(), "retryBackoff must not be negative");
        require(circuitBreakerFailureRateThreshold > 0 && circuitBreakerFailureRateThreshold <= 100,
                "circuitBreakerFailureRateThreshold must be 1..100");
        require(circuitBreakerSlidingWindowSize >= 1, "circuitBreakerSlidingWindowSize must be at least 1");
        require(circuitBreakerMinimumCalls >= 1, "circuitBreakerMinimumCalls must be at least 1");
        require(!circuitBreakerWaitInOpenState.isNegative(), "circuitBreakerWaitInOpenState must not be negative");
    }

    /**
     * Mainnet-ready defaults for {@code rpcUrl}: mainnet USDT with 6 decimals, start 12 blocks below the
     * head, 100 blocks per poll, 128 remembered hashes, 10 s timeout, 3 attempts from 500 ms, and a
     * circuit that opens at 50 % failures of the last 10 calls (at least 5) for 30 s.
     */
    public static EthereumWatcherConfig defaults(String rpcUrl) {
        return new EthereumWatcherConfig(rpcUrl, MAINNET_USDT, 6, null, 12, 100, 128, 100,
                Duration.ofSeconds(10), 3, Duration.ofMillis(500), 50, 10, 5, Duration.ofSeconds(30));
    }

    public EthereumWatcherConfig withUsdtContract(String contract, int decimals) {
        return new EthereumWatcherConfig(rpcUrl, contract, decimals, startBlock, lookback, maxBlocksPerPoll,
                rememberBlocks, topicFilterMaxAddresses, timeout, retryMaxAttempts, retryBackoff,
                circuitBreakerFailureRateThreshold, circuitBreakerSlidingWindowSize, circuitBreakerMinimumCalls,
                circuitBreakerWaitInOpenState);
    }

    public EthereumWatcherConfig withStartBlock(Long block) {
        return new EthereumWatcherConfig(rpcUrl, usdtContract, usdtDecimals, block, lookback, maxBlocksPerPoll,
                rememberBlocks, topicFilterMaxAddresses, timeout, retryMaxAttempts, retryBackoff,
                circuitBreakerFailureRateThreshold, circuitBreakerSlidingWindowSize, circuitBreakerMinimumCalls,
                circuitBreakerWaitInOpenState);
    }

    public EthereumWatcherConfig withMaxBlocksPerPoll(int blocks) {
        return new EthereumWatcherConfig(rpcUrl, usdtContract, usdtDecimals, startBlock, lookback, blocks,
                rememberBlocks, topicFilterMaxAddresses, timeout, retryMaxAttempts, retryBackoff,
                circuitBreakerFailureRateThreshold, circuitBreakerSlidingWindowSize, circuitBreakerMinimumCalls,
                circuitBreakerWaitInOpenState);
    }

    public EthereumWatcherConfig withRetry(int maxAttempts, Duration backoff) {
        return new EthereumWatcherConfig(rpcUrl, usdtContract, usdtDecimals, startBlock, lookback, maxBlocksPerPoll,
                rememberBlocks, topicFilterMaxAddresses, timeout, maxAttempts, backoff,
                circuitBreakerFailureRateThreshold, circuitBreakerSlidingWindowSize, circuitBreakerMinimumCalls,
                circuitBreakerWaitInOpenState);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
