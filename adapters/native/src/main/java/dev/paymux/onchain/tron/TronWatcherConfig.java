package dev.paymux.onchain.tron;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link TronWatcher}: which TronGrid-compatible API to read, which TRC-20 contract is
 * USDT there, how far to read per poll, and how patient to be with the API.
 *
 * @param baseUrl TronGrid (or a compatible gateway) without a trailing slash, e.g. {@code https://api.trongrid.io}
 * @param apiKey sent as {@code TRON-PRO-API-KEY} when not null or blank
 * @param usdtContract base58 address of the USDT TRC-20 contract on that network
 * @param pageLimit items per TronGrid page, 1 to 200
 * @param maxPagesPerAddress pages read per address in one poll; the rest is read by the next poll
 * @param startTimestamp where a watcher without a cursor starts, in epoch milliseconds; null means
 *     {@code now - lookback}
 * @param lookback how far back a watcher without a cursor (and without {@code startTimestamp}) starts
 * @param overlap how far each poll re-reads behind the previous one's end, so a transfer that TronGrid
 *     indexed late (with an older block timestamp) is still seen; the sink ignores the repeats
 * @param maxWindow the longest stretch of chain time one poll covers (bounds the work after downtime)
 * @param connectTimeout TCP connect timeout
 * @param requestTimeout timeout of one HTTP request
 * @param retryAttempts attempts per request on a timeout, I/O error or 5xx (1 means no retry); a 429 or
 *     403 throttling answer is never retried in place, the caller backs off
 * @param retryWait pause between those attempts
 * @param breakerFailureRate failure percentage that opens the circuit breaker
 * @param breakerWindow number of recent requests the breaker judges (also its minimum before judging)
 * @param breakerOpenWait how long an open breaker rejects requests before trying again
 */
public record TronWatcherConfig(String baseUrl, String apiKey, String usdtContract, int pageLimit,
        int maxPagesPerAddress, Long startTimestamp, Duration lookback, Duration overlap, Duration maxWindow,
        Duration connectTimeout, Duration requestTimeout, int retryAttempts, Duration retryWait,
        float breakerFailureRate, int breakerWindow, Duration breakerOpenWait) {

    /** TronGrid for mainnet. */
    public static final String MAINNET_URL = "https://api.trongrid.io";
    /** TronGrid for the Nile testnet. */
    public static final String NILE_URL = "https://nile.trongrid.io";
    /** Tether's USDT TRC-20 contract on mainnet. */
    public static final String MAINNET_USDT = "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t";
    /** The USDT test token on Nile. */
    public static final String NILE_USDT = "TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf";

    public TronWatcherConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(usdtContract, "usdtContract");
        Objects.requireNonNull(lookback, "lookback");
        Objects.requireNonNull(overlap, "overlap");
        Objects.requireNonNull(maxWindow, "maxWindow");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryWait, "retryWait");
        Objects.requireNonNull(breakerOpenWait, "breakerOpenWait");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (baseUrl.isEmpty()) {
            throw new IllegalArgumentException("baseUrl is empty");
        }
        if (apiKey != null && apiKey.isBlank()) {
            apiKey = null;
        }
        if (TronAddress.toBytes(usdtContract).isEmpty()) {
            throw new IllegalArgumentException("usdtContract is not a TRON base58 address: " + usdtContract);
        }
        if (pageLimit < 1 || pageLimit > 200) {
            throw new IllegalArgumentException("pageLimit must be 1..200 (TronGrid's maximum is 200)");
        }
        if (maxPagesPerAddress < 1 || retryAttempts < 1 || breakerWindow < 1) {
            throw new IllegalArgumentException("maxPagesPerAddress, retryAttempts and breakerWindow must be positive");
        }
        if (overlap.isNegative() || lookback.isNegative() || maxWindow.compareTo(overlap) <= 0) {
            throw new IllegalArgumentException("need lookback >= 0, overlap >= 0 and maxWindow > overlap");
        }
        if (breakerFailureRate <= 0 || breakerFailureRate > 100) {
            throw new IllegalArgumentException("breakerFailureRate must be in (0, 100]");
        }
    }

    /** Mainnet TronGrid and Tether's USDT; {@code apiKey} may be null (TronGrid then throttles hard). */
    public static TronWatcherConfig mainnet(String apiKey) {
        return of(MAINNET_URL, apiKey, MAINNET_USDT);
    }

    /** The Nile testnet on TronGrid with its USDT test token, no API key. */
    public static TronWatcherConfig nile() {
        return of(NILE_URL, null, NILE_USDT);
    }

    /** Any TronGrid-compatible endpoint (a private gateway, a test stub) with the default tuning. */
    public static TronWatcherConfig of(String baseUrl, String apiKey, String usdtContract) {
        return new TronWatcherConfig(baseUrl, apiKey, usdtContract, 200, 10, null, Duration.ofHours(1),
                Duration.ofMinutes(2), Duration.ofHours(6), Duration.ofSeconds(5), Duration.ofSeconds(15), 3,
                Duration.ofMillis(500), 50f, 20, Duration.ofSeconds(30));
    }

    /** This configuration starting at {@code epochMillis} when no cursor exists yet. */
    public TronWatcherConfig withStartTimestamp(Long epochMillis) {
        return new TronWatcherConfig(baseUrl, apiKey, usdtContract, pageLimit, maxPagesPerAddress, epochMillis,
                lookback, overlap, maxWindow, connectTimeout, requestTimeout, retryAttempts, retryWait,
                breakerFailureRate, breakerWindow, breakerOpenWait);
    }

    /** This configuration with other retry and circuit-breaker settings. */
    public TronWatcherConfig withResilience(int retryAttempts, Duration retryWait, float breakerFailureRate,
            int breakerWindow, Duration breakerOpenWait) {
        return new TronWatcherConfig(baseUrl, apiKey, usdtContract, pageLimit, maxPagesPerAddress, startTimestamp,
                lookback, overlap, maxWindow, connectTimeout, requestTimeout, retryAttempts, retryWait,
                breakerFailureRate, breakerWindow, breakerOpenWait);
    }

    /** This configuration with other paging limits. */
    public TronWatcherConfig withPaging(int pageLimit, int maxPagesPerAddress, Duration maxWindow) {
        return new TronWatcherConfig(baseUrl, apiKey, usdtContract, pageLimit, maxPagesPerAddress, startTimestamp,
                lookback, overlap, maxWindow, connectTimeout, requestTimeout, retryAttempts, retryWait,
                breakerFailureRate, breakerWindow, breakerOpenWait);
    }

    @Override
    public String toString() {
        // Keeps the API key out of logs.
        return "TronWatcherConfig[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                + ", usdtContract=" + usdtContract + ", pageLimit=" + pageLimit + ", maxPagesPerAddress="
                + maxPagesPerAddress + ", startTimestamp=" + startTimestamp + ", lookback=" + lookback
                + ", overlap=" + overlap + ", maxWindow=" + maxWindow + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + ", retryAttempts=" + retryAttempts + ", retryWait="
                + retryWait + ", breakerFailureRate=" + breakerFailureRate + ", breakerWindow=" + breakerWindow
                + ", breakerOpenWait=" + breakerOpenWait + "]";
    }
}
