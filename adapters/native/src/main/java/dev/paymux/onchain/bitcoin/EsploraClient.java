package dev.paymux.onchain.bitcoin;

import dev.paymux.core.chain.ChainUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few Esplora endpoints the watcher reads. Every call goes through one Retry (5xx, timeouts and
 * malformed answers) inside one CircuitBreaker; a 429, an exhausted retry or an open circuit becomes a
 * {@link ChainUnavailableException}. A 404 is an answer for the endpoints where it means "unknown".
 */
final class EsploraClient {

    /** The answer was not what Esplora documents. Retried like a 5xx: proxies do send garbage pages. */
    static final class Malformed extends RuntimeException {
        Malformed(String message) {
            super(message);
        }
    }

    /** HTTP 5xx, an unexpected status, a timeout or an I/O error. */
    static final class Transient extends RuntimeException {
        Transient(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** HTTP 429: not retried here, the caller backs off for {@code retryAfter}. */
    static final class Throttled extends RuntimeException {
        final Duration retryAfter;

        Throttled(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }

    /** HTTP 400 on an address: Esplora does not accept it for this network. */
    static final class InvalidAddress extends RuntimeException {
        InvalidAddress(String message) {
            super(message);
        }
    }

    private record Response(int status, String body) {
    }

    private final String baseUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final Clock clock;

    EsploraClient(BitcoinWatcherConfig config, String name, Clock clock) {
        this.baseUrl = config.baseUrl();
        this.timeout = config.timeout();
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        this.retry = Retry.of(name, RetryConfig.custom()
                .maxAttempts(config.retryAttempts())
                .waitDuration(config.retryWait())
                .retryOnException(e -> e instanceof Transient || e instanceof Malformed)
                .build());
        this.circuitBreaker = CircuitBreaker.of(name, CircuitBreakerConfig.custom()
                .failureRateThreshold(config.circuitBreakerFailureRate())
                .slidingWindowSize(config.circuitBreakerWindow())
                .minimumNumberOfCalls(Math.min(config.circuitBreakerWindow(), 10))
                .waitDurationInOpenState(config.circuitBreakerOpenWait())
                // an invalid address is the caller's data, not the API's health
                .ignoreException(e -> e instanceof InvalidAddress)
                .build());
    }

    long tipHeight() {
        return call(() -> {
            String text = text(get("/blocks/tip/height", false));
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new Malformed("tip height is not a number: " + abbreviate(text));
            }
        });
    }

    String tipHash() {
        return call(() -> hash(text(get("/blocks/tip/hash", false))));
    }

    /** Hash of the best-chain block at {@code height}, empty when there is none (yet). */
    Optional<String> blockHashAt(long height) {
        return call(() -> {
            Response r = get("/block-height/" + height, true);
            return r.status() == 404 ? Optional.<String>empty() : Optional.of(hash(text(r)));
        });
    }

    /** False for an orphaned block, and for one this Esplora does not know at all. */
    boolean blockInBestChain(String blockHash) {
        String path = "/block/" + hex(blockHash) + "/status";
        return call(() -> {
            Response r = get(path, true);
            if (r.status() == 404) {
                return false;
            }
            JsonNode inBest = tree(r).path("in_best_chain");
            if (!inBest.isBoolean()) {
                throw new Malformed("block status without in_best_chain");
            }
            return inBest.booleanValue();
        });
    }

    /** Newest first: up to 50 mempool transactions, then the 25 newest confirmed ones. */
    List<EsploraTx> addressTxs(String address) {
        String path = "/address/" + address(address) + "/txs";
        return call(() -> EsploraTx.parseList(tree(addressGet(path))));
    }

    /** The 25 confirmed transactions after {@code lastSeenTxid}, newest first. */
    List<EsploraTx> addressChainTxs(String address, String lastSeenTxid) {
        String path = "/address/" + address(address) + "/txs/chain/" + hex(lastSeenTxid);
        return call(() -> EsploraTx.parseList(tree(addressGet(path))));
    }

    /** Empty on a 404 (some Esplora versions answer so for an unknown transaction). */
    Optional<EsploraTx.Status> txStatus(String txid) {
        String path = "/tx/" + hex(txid) + "/status";
        return call(() -> {
            Response r = get(path, true);
            return r.status() == 404 ? Optional.<EsploraTx.Status>empty()
                    : Optional.of(EsploraTx.Status.parse(tree(r)));
        });
    }

    /** Empty when neither the chain nor the mempool holds the transaction. */
    Optional<EsploraTx> tx(String txid) {
        String path = "/tx/" + hex(txid);
        return call(() -> {
            Response r = get(path, true);
            return r.status() == 404 ? Optional.<EsploraTx>empty() : Optional.of(EsploraTx.parse(tree(r)));
        });
    }

    private <T> T call(Supplier<T> request) {
        Supplier<T> guarded = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(circuitBreaker, request));
        try {
            return guarded.get();
        } catch (Throttled e) {
            throw new ChainUnavailableException(e.getMessage(), e.retryAfter, e);
        } catch (CallNotPermittedException e) {
            throw new ChainUnavailableException("Esplora circuit breaker is open", null, e);
        } catch (Transient | Malformed e) {
            throw new ChainUnavailableException("Esplora unavailable: " + e.getMessage(), null, e);
        }
    }

    private Response addressGet(String path) {
        return get(path, false, true);
    }

    private Response get(String path, boolean notFoundIsAnswer) {
        return get(path, notFoundIsAnswer, false);
    }

    private Response get(String path, boolean notFoundIsAnswer, boolean isAddress) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(timeout)
                .header("Accept", "application/json, text/plain").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Transient("GET " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Transient("interrupted during GET " + path, e);
        }
        int status = response.statusCode();
        if (status == 200 || (status == 404 && notFoundIsAnswer)) {
            return new Response(status, response.body());
        }
        if (status == 429) {
            throw new Throttled("Esplora throttled GET " + path,
                    retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status == 400 && isAddress) {
            throw new InvalidAddress("Esplora rejected " + path + ": " + abbreviate(response.body()));
        }
        throw new Transient("GET " + path + " answered " + status + ": " + abbreviate(response.body()), null);
    }

    private JsonNode tree(Response r) {
        try {
            return json.readTree(r.body());
        } catch (JacksonException e) {
            throw new Malformed("not JSON: " + abbreviate(r.body()));
        }
    }

    private static String text(Response r) {
        return r.body() == null ? "" : r.body().strip();
    }

    private static String hash(String text) {
        if (!text.matches("[0-9a-fA-F]{64}")) {
            throw new Malformed("not a block hash: " + abbreviate(text));
        }
        return text.toLowerCase();
    }

    /** Txids and hashes go into URL paths, so only hex passes. */
    private static String hex(String value) {
        if (value == null || !value.matches("[0-9a-fA-F]{1,128}")) {
            throw new IllegalArgumentException("not a hex id: " + value);
        }
        return value;
    }

    private static String address(String address) {
        if (!address.matches("[A-Za-z0-9]{1,100}")) {
            throw new InvalidAddress("not a Bitcoin address: " + address);
        }
        return address;
    }

    /** Retry-After is either delta-seconds or an HTTP date. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value)));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return d.isNegative() ? Duration.ZERO : d;
            } catch (RuntimeException ignored) {
                return null;
            }
        }
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }
}
