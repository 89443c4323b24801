package dev.paymux.onchain.evm;

import dev.paymux.core.chain.ChainUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.ClientConnectionException;
import org.web3j.protocol.http.HttpService;

/**
 * The few JSON-RPC reads the watcher needs, through web3j over OkHttp with a Retry and a CircuitBreaker.
 * Every failure to read (I/O, timeout, HTTP 429/5xx, another HTTP error, a JSON-RPC error, an open
 * circuit) surfaces as {@link ChainUnavailableException}, so the watcher stops before touching its cursor.
 */
final class EthereumRpc implements AutoCloseable {

    private final String name;
    private final OkHttpClient http;
    private final Web3j web3j;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Duration waitInOpenState;

    EthereumRpc(String name, EthereumWatcherConfig config) {
        this.name = name;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.timeout())
                .readTimeout(config.timeout())
                .writeTimeout(config.timeout())
                .callTimeout(config.timeout())
                .addInterceptor(chain -> throwOnUnavailableStatus(chain.proceed(chain.request())))
                .build();
        // A single-thread executor starts no thread until used; web3j wants one for its polling helpers.
        this.web3j = Web3j.build(new HttpService(config.rpcUrl(), http), 15_000,
                Executors.newSingleThreadScheduledExecutor());
        this.retry = Retry.of(name + "-rpc", RetryConfig.custom()
                .maxAttempts(config.retryMaxAttempts())
                .intervalFunction(IntervalFunction.ofExponentialBackoff(
                        config.retryBackoff().isZero() ? Duration.ofMillis(1) : config.retryBackoff(), 2.0))
                .retryOnException(EthereumRpc::worthRetrying)
                .build());
        this.circuitBreaker = CircuitBreaker.of(name + "-rpc", CircuitBreakerConfig.custom()
                .failureRateThreshold(config.circuitBreakerFailureRateThreshold())
                .slidingWindowSize(config.circuitBreakerSlidingWindowSize())
                .minimumNumberOfCalls(config.circuitBreakerMinimumCalls())
                .waitDurationInOpenState(config.circuitBreakerWaitInOpenState())
                .build());
        this.waitInOpenState = config.circuitBreakerWaitInOpenState();
    }

    long blockNumber() {
        return send("eth_blockNumber", web3j.ethBlockNumber()).getBlockNumber().longValueExact();
    }

    /** The {@code finalized} block's height, or null when the node does not know the tag (dev nodes). */
    Long finalizedHeight() {
        EthBlock response = sendAllowingError("eth_getBlockByNumber(finalized)",
                web3j.ethGetBlockByNumber(DefaultBlockParameterName.FINALIZED, false));
        if (response.hasError() || response.getBlock() == null) {
            return null;
        }
        return response.getBlock().getNumber().longValueExact();
    }

    /** The block at {@code height}, or null when the node does not have it (yet). */
    EthBlock.Block block(long height, boolean withTransactions) {
        return send("eth_getBlockByNumber(" + height + ")", web3j.ethGetBlockByNumber(
                DefaultBlockParameter.valueOf(BigInteger.valueOf(height)), withTransactions)).getBlock();
    }

    /**
     * {@code Transfer} logs of {@code contract} in {@code [from, to]}; with {@code toTopics} only those to
     * these (32-byte, zero-padded) recipients.
     */
    List<Log> transferLogs(long from, long to, String contract, List<String> toTopics, String transferTopic) {
        EthFilter filter = new EthFilter(DefaultBlockParameter.valueOf(BigInteger.valueOf(from)),
                DefaultBlockParameter.valueOf(BigInteger.valueOf(to)), contract);
        filter.addSingleTopic(transferTopic);
        if (toTopics != null) {
            filter.addNullTopic();
            filter.addOptionalTopics(toTopics.toArray(String[]::new));
        }
        List<EthLog.LogResult> results = send("eth_getLogs(" + from + ".." + to + ")", web3j.ethGetLogs(filter))
                .getLogs();
        return results.stream().map(r -> (Log) r.get()).toList();
    }

    /** Whether the transaction executed successfully; receipts without a status (pre-Byzantium) count as success. */
    boolean succeeded(String txHash) {
        TransactionReceipt receipt = send("eth_getTransactionReceipt(" + txHash + ")",
                web3j.ethGetTransactionReceipt(txHash)).getTransactionReceipt()
                .orElseThrow(() -> new ChainUnavailableException(
                        name + ": no receipt yet for mined transaction " + txHash, null, null));
        return receipt.getStatus() == null || receipt.isStatusOK();
    }

    private <R extends org.web3j.protocol.core.Response<?>> R send(String what, Request<?, R> request) {
        R response = sendAllowingError(what, request);
        if (response.hasError()) {
            throw new ChainUnavailableException(name + ": " + what + " answered JSON-RPC error "
                    + response.getError().getCode() + " " + response.getError().getMessage(), null, null);
        }
        return response;
    }

    private <R extends org.web3j.protocol.core.Response<?>> R sendAllowingError(String what, Request<?, R> request) {
        try {
            return Retry.decorateCheckedSupplier(retry,
                    CircuitBreaker.decorateCheckedSupplier(circuitBreaker, request::send)).get();
        } catch (CallNotPermittedException e) {
            throw new ChainUnavailableException(name + ": circuit open, " + what + " not sent", waitInOpenState, e);
        } catch (HttpStatusException e) {
            throw new ChainUnavailableException(name + ": " + what + " failed: " + e.getMessage(), e.retryAfter, e);
        } catch (IOException | ClientConnectionException e) {
            throw new ChainUnavailableException(name + ": " + what + " failed: " + e, null, e);
        } catch (RuntimeException e) {
            // web3j wraps undecodable answers in runtime exceptions: the node is not usable either way.
            throw new ChainUnavailableException(name + ": " + what + " failed: " + e, null, e);
        } catch (Throwable e) {
            if (e instanceof Error error) {
                throw error;
            }
            throw new ChainUnavailableException(name + ": " + what + " failed: " + e, null, e);
        }
    }

    /** Timeouts, dropped connections and 5xx are retried; a 429 is handed to the caller to back off. */
    private static boolean worthRetrying(Throwable e) {
        if (e instanceof HttpStatusException status) {
            return status.status != 429;
        }
        return e instanceof IOException || e instanceof ClientConnectionException;
    }

    private static Response throwOnUnavailableStatus(Response response) throws IOException {
        int status = response.code();
        if (status == 429 || status >= 500) {
            Duration retryAfter = parseRetryAfter(response.header("Retry-After"));
            response.close();
            throw new HttpStatusException(status, retryAfter);
        }
        return response;
    }

    static Duration parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? Duration.ZERO : wait;
            } catch (RuntimeException notADate) {
                return null;
            }
        }
    }

    @Override
    public void close() {
        web3j.shutdown();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        try {
            http.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An HTTP status that means "not now" (429, 5xx), raised inside OkHttp so Retry and the breaker see it. */
    static final class HttpStatusException extends IOException {
        final int status;
        final transient Duration retryAfter;

        HttpStatusException(int status, Duration retryAfter) {
            super("HTTP " + status + (retryAfter == null ? "" : ", retry after " + retryAfter));
            this.status = status;
            this.retryAfter = retryAfter;
        }
    }
}
