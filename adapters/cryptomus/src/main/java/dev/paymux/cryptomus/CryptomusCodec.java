package dev.paymux.cryptomus;

import static dev.paymux.core.provider.ProviderException.Kind.MALFORMED;
import static dev.paymux.core.provider.ProviderException.Kind.REJECTED;
import static dev.paymux.core.provider.ProviderException.Kind.UNAVAILABLE;

import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feign's encoder, decoder and error decoder for Cryptomus. Requests are written as PHP's
 * {@code json_encode} writes them (see {@link PhpJson}); answers are read with Jackson; error answers
 * become {@link CallFailure}s of the right kind.
 */
final class CryptomusCodec {

    /**
     * Messages Cryptomus documents for "payment temporarily unavailable during technical work": answered
     * with HTTP 422 but not a refusal of the request, so treated as unavailability.
     */
    static final Set<String> TEMPORARY = Set.of("Gateway error", "The terminal was not found", "Server error");

    private static final int MAX_MESSAGE = 300;

    // Amounts that arrive as JSON numbers keep every digit.
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    Encoder encoder() {
        return (object, bodyType, template) -> {
            if (!(object instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("Cryptomus requests are JSON objects");
            }
            template.body(PhpJson.encodeBytes(map, PhpJson.Flavour.REQUEST), StandardCharsets.UTF_8);
        };
    }

    Decoder decoder() {
        return (response, type) -> readJson(response);
    }

    ErrorDecoder errorDecoder() {
        return (methodKey, response) -> failure(response.status(), readQuietly(response));
    }

    /** A 2xx answer as a tree; anything that is not JSON is {@code MALFORMED}. */
    JsonNode readJson(Response response) throws IOException {
        byte[] body = read(response);
        if (body.length == 0) {
            throw new CallFailure(MALFORMED, "empty answer (HTTP " + response.status() + ")");
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new CallFailure(MALFORMED, "answer is not JSON (HTTP " + response.status() + ")", e);
        }
    }

    /** Classifies a non-2xx answer. */
    CallFailure failure(int status, byte[] body) {
        if (status == 429 || status >= 500) {
            return new CallFailure(UNAVAILABLE, "HTTP " + status);
        }
        String message = errorMessage(body);
        if (message != null && TEMPORARY.contains(message)) {
            return new CallFailure(UNAVAILABLE, message);
        }
        if (status >= 400) {
            return new CallFailure(REJECTED, message != null ? message : "HTTP " + status);
        }
        return new CallFailure(MALFORMED, "unexpected HTTP " + status);
    }

    /**
     * The readable part of a Cryptomus error: {@code message}, and each {@code errors} field with its
     * validation codes ({@code amount: validation.required}). Null when the body says nothing.
     */
    String errorMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
        return errorMessage(node);
    }

    static String errorMessage(JsonNode node) {
        if (node == null || !node.isObject()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        JsonNode message = node.path("message");
        if (message.isString() && !message.stringValue().isBlank()) {
            parts.add(message.stringValue());
        }
        JsonNode errors = node.path("errors");
        if (errors.isObject()) {
            for (Map.Entry<String, JsonNode> e : errors.properties()) {
                List<String> codes = new ArrayList<>();
                if (e.getValue().isArray()) {
                    e.getValue().values().forEach(v -> codes.add(v.asString()));
                } else {
                    codes.add(e.getValue().asString());
                }
                parts.add(e.getKey() + ": " + String.join(", ", codes));
            }
        }
        if (parts.isEmpty()) {
            return null;
        }
        String text = String.join("; ", parts);
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) + "..." : text;
    }

    private static byte[] read(Response response) throws IOException {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return Util.toByteArray(in);
        }
    }

    private static byte[] readQuietly(Response response) {
        try {
            return read(response);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
