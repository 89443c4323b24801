package dev.paymux.onchain.bitcoin;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the {@link BitcoinWatcher}.
 *
 * @param baseUrl the Esplora API root, without a trailing slash (e.g. {@code https://blockstream.info/api})
 * @param reorgDepth blocks below the tip that may still be replaced; transfers in them are re-read every
 *     sweep and their blocks checked for orphaning, deeper history counts as processed
 * @param maxAddressesPerPoll addresses read in one {@link BitcoinWatcher#poll()}
 * @param maxPagesPerAddress pages of 25 confirmed transactions read for one address in one poll; deeper
 *     history is continued in the next poll
 * @param initialLookbackBlocks on the very first poll (no cursor yet), how far below the safe height
 *     the history of each address is read
 * @param timeout connect and request timeout of each HTTP call
 * @param retryAttempts attempts per HTTP call on a 5xx, a timeout or a malformed answer (1 = no retry);
 *     a 429 is never retried inside a poll
 * @param retryWait pause between attempts
 * @param circuitBreakerFailureRate failure percentage of the sliding window that opens the circuit
 * @param circuitBreakerWindow size (calls) of the circuit breaker's sliding window
 * @param circuitBreakerOpenWait how long an open circuit rejects calls before trying again
 */
public record BitcoinWatcherConfig(String baseUrl, int reorgDepth, int maxAddressesPerPoll,
        int maxPagesPerAddress, long initialLookbackBlocks, Duration timeout, int retryAttempts,
        Duration retryWait, float circuitBreakerFailureRate, int circuitBreakerWindow,
        Duration circuitBreakerOpenWait) {

    public static final String MAINNET_URL = "https://blockstream.info/api";
    public static final String TESTNET_URL = "https://blockstream.info/testnet/api";

    public BitcoinWatcherConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(circuitBreakerOpenWait, "circuitBreakerOpenWait");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (baseUrl.isEmpty()) {
            throw new IllegalArgumentException("baseUrl is required");
        }
        if (reorgDepth < 1 || maxAddressesPerPoll < 1 || maxPagesPerAddress < 1 || retryAttempts < 1
                || circuitBreakerWindow < 1 || initialLookbackBlocks < 0) {
            throw new IllegalArgumentException("depths, limits and attempts must be positive");
        }
        if (!(circuitBreakerFailureRate > 0 && circuitBreakerFailureRate <= 100)) {
            throw new IllegalArgumentException("circuitBreakerFailureRate must be in (0, 100]");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** Defaults for {@code baseUrl}: 6 blocks of reorg depth, 50 addresses and 10 pages per poll. */
    public static BitcoinWatcherConfig defaults(String baseUrl) {
        return new BitcoinWatcherConfig(baseUrl, 6, 50, 10, 144, Duration.ofSeconds(10), 3,
                Duration.ofMillis(500), 50f, 20, Duration.ofSeconds(30));
    }

    /** Blockstream's public mainnet Esplora. */
    public static BitcoinWatcherConfig mainnet() {
        return defaults(MAINNET_URL);
    }

    /** Blockstream's public testnet Esplora. */
    public static BitcoinWatcherConfig testnet() {
        return defaults(TESTNET_URL);
    }

    /**
     * A local (e.g. regtest) Esplora at {@code url}: blocks there are mined on demand, so a shallower
     * reorg depth and a short timeout.
     */
    public static BitcoinWatcherConfig local(String url) {
        return new BitcoinWatcherConfig(url, 3, 50, 10, 1_000_000, Duration.ofSeconds(5), 2,
                Duration.ofMillis(100), 50f, 20, Duration.ofSeconds(5));
    }
}
