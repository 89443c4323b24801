package dev.paymux.onchain.tron;

import dev.paymux.core.chain.ChainUnavailableException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The few TronGrid calls the watcher needs, each behind the watcher's retry and circuit breaker. Every
 * failure (HTTP error, throttling, timeout, open circuit, a body that is not the documented JSON)
 * leaves as a {@link ChainUnavailableException}, so the watcher never mistakes a bad answer for an
 * empty one.
 */
final class TronGridClient {

    static final String API_KEY_HEADER = "TRON-PRO-API-KEY";

    // TronGrid's 403 throttling body: "... and the query server is suspended for 5 s".
    private static final Pattern SUSPENDED = Pattern.compile("suspended for (\\d+)\\s*s");
    private static final Pattern TX_ID = Pattern.compile("[0-9a-fA-F]{64}");

    /** A block header: height, block id (TRON's block hash) and timestamp in epoch milliseconds. */
    record BlockHeader(long number, String id, long timestamp) {
    }

    /** One entry of TronGrid's TRC-20 history of an account. */
    record Trc20Item(String txId, String from, String to, String type, String value, String tokenAddress,
            Integer decimals, long blockTimestamp) {
    }

    /** A page of TRC-20 history and the fingerprint of the next page, null on the last one. */
    record Trc20Page(List<Trc20Item> items, String nextFingerprint) {
    }

    /** An event log of a transaction: emitting contract (hex), topics (hex) and data (hex). */
    record Log(String address, List<String> topics, String data) {
    }

    /** The node's execution record of a transaction: its block and its event logs in order. */
    record TxInfo(String txId, long blockNumber, long blockTimestamp, boolean failed, List<Log> logs) {
    }

    private final TronWatcherConfig config;
    private final Clock clock;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private final CircuitBreaker breaker;
    private final Retry retry;

    TronGridClient(TronWatcherConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
        this.breaker = CircuitBreaker.of("tron", CircuitBreakerConfig.custom()
                .failureRateThreshold(config.breakerFailureRate())
                .slidingWindowSize(config.breakerWindow())
                .minimumNumberOfCalls(config.breakerWindow())
                .waitDurationInOpenState(config.breakerOpenWait())
                .build());
        this.retry = Retry.of("tron", RetryConfig.custom()
                .maxAttempts(config.retryAttempts())
                .waitDuration(config.retryWait())
                .retryOnException(e -> e instanceof TronGridException t && t.retryable)
                .build());
    }

    CircuitBreaker breaker() {
        return breaker;
    }

    /** The newest block (header only: {@code getblock} with {@code detail=false} and no number). */
    BlockHeader latestBlock() {
        return call("latest block", () -> header(post("/wallet/getblock", Map.of("detail", false))));
    }

    /** The newest solidified block, TRON's irreversibility point. */
    BlockHeader solidifiedBlock() {
        return call("solidified block", () -> header(post("/walletsolidity/getblock", Map.of("detail", false))));
    }

    /** The header of block {@code number}. */
    BlockHeader block(long number) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id_or_num", Long.toString(number));
        body.put("detail", false);
        return call("block " + number, () -> {
            BlockHeader h = header(post("/wallet/getblock", body));
            if (h.number() != number) {
                throw TronGridException.malformed("asked for block " + number + ", got " + h.number());
            }
            return h;
        });
    }

    /**
     * One page of USDT transfers to {@code address} with block timestamps in [{@code from}, {@code to}],
     * oldest first, confirmed and unconfirmed alike.
     */
    Trc20Page incomingTransfers(String address, long from, long to, String fingerprint) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("only_to", "true");
        query.put("only_confirmed", "false");
        query.put("contract_address", config.usdtContract());
        query.put("limit", Integer.toString(config.pageLimit()));
        query.put("min_timestamp", Long.toString(from));
        query.put("max_timestamp", Long.toString(to));
        query.put("order_by", "block_timestamp,asc");
        if (fingerprint != null) {
            query.put("fingerprint", fingerprint);
        }
        String path = "/v1/accounts/" + address + "/transactions/trc20?" + encode(query);
        return call("TRC-20 transfers of " + address, () -> trc20Page(get(path)));
    }

    /** The node's record of {@code txId}, or empty when the node does not know the transaction. */
    Optional<TxInfo> transactionInfo(String txId) {
        if (!TX_ID.matcher(txId).matches()) {
            throw new ChainUnavailableException("TronGrid listed a malformed transaction id: " + txId, null, null);
        }
        return call("transaction " + txId, () -> txInfo(post("/wallet/gettransactioninfobyid", Map.of("value", txId))));
    }

    private <T> T call(String what, Supplier<T> request) {
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, request)).get();
        } catch (CallNotPermittedException e) {
            throw new ChainUnavailableException("TronGrid circuit breaker is open (" + what + ")",
                    config.breakerOpenWait(), e);
        } catch (TronGridException e) {
            throw new ChainUnavailableException("TronGrid " + what + ": " + e.getMessage(), e.retryAfter, e);
        }
    }

    private JsonNode get(String pathAndQuery) {
        return send(request(pathAndQuery).GET().build());
    }

    private JsonNode post(String path, Map<String, ?> body) {
        String payload = json.writeValueAsString(body);
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    private HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(config.baseUrl() + pathAndQuery))
                .timeout(config.requestTimeout())
                .header("Accept", "application/json");
        if (config.apiKey() != null) {
            b.header(API_KEY_HEADER, config.apiKey());
        }
        return b;
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // Includes HttpTimeoutException.
            throw new TronGridException(e.getClass().getSimpleName() + ": " + e.getMessage(), true, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TronGridException("interrupted", false, null, e);
        }
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body();
        if (status == 429 || status == 403) {
            // 403 is how TronGrid throttles keys and IPs over their rate; neither is retried in place.
            throw new TronGridException("HTTP " + status + " (throttled) " + abbreviate(body), false,
                    retryAfter(response, body), null);
        }
        if (status >= 500) {
            throw new TronGridException("HTTP " + status, true, retryAfter(response, body), null);
        }
        if (status < 200 || status >= 300) {
            throw new TronGridException("HTTP " + status + " " + abbreviate(body), false, null, null);
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new TronGridException("malformed JSON: " + abbreviate(body), false, null, e);
        }
        if (node == null || !node.isObject()) {
            throw TronGridException.malformed("expected a JSON object, got " + abbreviate(body));
        }
        // The node API reports errors as 200 with {"Error": ...}; the v1 API with "success": false.
        if (node.has("Error") || node.path("success").isBoolean() && !node.path("success").booleanValue()) {
            throw TronGridException.malformed("error answer " + abbreviate(body));
        }
        return node;
    }

    private Duration retryAfter(HttpResponse<String> response, String body) {
        Optional<String> header = response.headers().firstValue("Retry-After");
        if (header.isPresent()) {
            String v = header.get().strip();
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(v)));
            } catch (NumberFormatException notSeconds) {
                try {
                    Duration d = Duration.between(clock.instant(),
                            ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                    return d.isNegative() ? Duration.ZERO : d;
                } catch (DateTimeParseException ignored) {
                    // Fall through to the body.
                }
            }
        }
        Matcher m = SUSPENDED.matcher(body);
        return m.find() ? Duration.ofSeconds(Long.parseLong(m.group(1))) : null;
    }

    private static BlockHeader header(JsonNode node) {
        JsonNode raw = node.path("block_header").path("raw_data");
        return new BlockHeader(Json.number(raw, "number"), Json.text(node, "blockID"), Json.number(raw, "timestamp"));
    }

    private static Trc20Page trc20Page(JsonNode node) {
        JsonNode data = node.path("data");
        if (!data.isArray()) {
            throw TronGridException.malformed("TRC-20 page without a data array");
        }
        List<Trc20Item> items = new ArrayList<>();
        for (JsonNode d : data) {
            JsonNode token = d.path("token_info");
            JsonNode decimals = token.path("decimals");
            items.add(new Trc20Item(Json.text(d, "transaction_id"), Json.optionalText(d, "from"),
                    Json.text(d, "to"), Json.optionalText(d, "type"), Json.text(d, "value"),
                    Json.optionalText(token, "address"),
                    decimals.isIntegralNumber() ? Integer.valueOf(decimals.intValue()) : null,
                    Json.number(d, "block_timestamp")));
        }
        return new Trc20Page(List.copyOf(items), items.isEmpty() ? null : nextFingerprint(node.path("meta")));
    }

    private static String nextFingerprint(JsonNode meta) {
        String fingerprint = Json.optionalText(meta, "fingerprint");
        if (fingerprint != null && !fingerprint.isBlank()) {
            return fingerprint;
        }
        // Only the link: take its fingerprint, but keep querying our own base URL (and key).
        String next = Json.optionalText(meta.path("links"), "next");
        if (next == null || next.indexOf('?') < 0) {
            return null;
        }
        for (String pair : next.substring(next.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals("fingerprint")) {
                String v = URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                return v.isBlank() ? null : v;
            }
        }
        return null;
    }

    private static Optional<TxInfo> txInfo(JsonNode node) {
        if (node.isEmpty()) {
            return Optional.empty();
        }
        List<Log> logs = new ArrayList<>();
        for (JsonNode l : node.path("log")) {
            List<String> topics = new ArrayList<>();
            for (JsonNode t : l.path("topics")) {
                if (!t.isString()) {
                    throw TronGridException.malformed("log topic is not a string");
                }
                topics.add(t.stringValue());
            }
            String data = Json.optionalText(l, "data");
            logs.add(new Log(Json.text(l, "address"), List.copyOf(topics), data == null ? "" : data));
        }
        String receipt = Json.optionalText(node.path("receipt"), "result");
        boolean failed = "FAILED".equals(Json.optionalText(node, "result"))
                || receipt != null && !"SUCCESS".equals(receipt);
        return Optional.of(new TxInfo(Json.text(node, "id"), Json.number(node, "blockNumber"),
                Json.number(node, "blockTimeStamp"), failed, List.copyOf(logs)));
    }

    private static String encode(Map<String, String> query) {
        StringBuilder sb = new StringBuilder();
        query.forEach((k, v) -> {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(k).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }

    private static String abbreviate(String body) {
        String oneLine = body.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
    }

    /** Field access that turns a missing or mistyped field into a malformed-answer failure. */
    private static final class Json {

        static String text(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isString() || v.stringValue().isBlank()) {
                throw TronGridException.malformed("missing or non-text field '" + field + "'");
            }
            return v.stringValue();
        }

        static String optionalText(JsonNode node, String field) {
            JsonNode v = node.get(field);
            return v != null && v.isString() ? v.stringValue() : null;
        }

        static long number(JsonNode node, String field) {
            JsonNode v = node.get(field);
            if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
                return v.longValue();
            }
            if (v != null && v.isString()) {
                try {
                    return Long.parseLong(v.stringValue());
                } catch (NumberFormatException ignored) {
                    // Reported below.
                }
            }
            throw TronGridException.malformed("missing or non-integer field '" + field + "'");
        }
    }

    /** A failed TronGrid call, before it becomes a {@link ChainUnavailableException}. */
    static final class TronGridException extends RuntimeException {

        final boolean retryable;
        final Duration retryAfter;

        TronGridException(String message, boolean retryable, Duration retryAfter, Throwable cause) {
            super(message, cause);
            this.retryable = retryable;
            this.retryAfter = retryAfter;
        }

        static TronGridException malformed(String message) {
            return new TronGridException("unexpected answer: " + message, false, null, null);
        }
    }
}
