package dev.paymux.cryptomus;

import static dev.paymux.core.spi.ProviderException.Kind.UNAVAILABLE;

import dev.paymux.adapter.http.JsonCodec;
import dev.paymux.adapter.http.ProviderErrors;
import feign.codec.Encoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What is Cryptomus's own on the wire: requests are written as PHP's {@code json_encode} writes them (see
 * {@link PhpJson}), because the signature covers those bytes; error bodies carry {@code message} and
 * {@code errors}. Answers are read by the shared {@link dev.paymux.adapter.http.JsonCodec}, and errors are
 * classified by the shared {@link ProviderErrors}.
 */
final class CryptomusCodec {

    /**
     * Messages Cryptomus documents for "payment temporarily unavailable during technical work": answered
     * with HTTP 422 but not a refusal of the request, so treated as unavailability.
     */
    static final Set<String> TEMPORARY = Set.of("Gateway error", "The terminal was not found", "Server error");

    private static final int MAX_MESSAGE = 300;

    private final JsonMapper json = JsonCodec.mapper(null);

    Encoder encoder() {
        return (object, bodyType, template) -> {
            if (!(object instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("Cryptomus requests are JSON objects");
            }
            template.body(PhpJson.encodeBytes(map, PhpJson.Flavour.REQUEST), StandardCharsets.UTF_8);
        };
    }

    /**
     * The shared error rules with Cryptomus's message format, and its one exception: a 4xx whose message is
     * one of {@link #TEMPORARY} is unavailability, not a refusal.
     */
    ProviderErrors errors(String instance) {
        return new ProviderErrors(instance, "Cryptomus", this::errorMessage,
                (status, message) -> message != null && TEMPORARY.contains(message) ? UNAVAILABLE : null);
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
}
