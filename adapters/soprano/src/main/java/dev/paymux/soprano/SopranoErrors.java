package dev.paymux.soprano;

import dev.paymux.adapter.http.ProviderErrors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * What is Soprano's own in its errors: where its (undocumented) error bodies carry their message. The
 * status rules (4xx refused with that message, 401/403 not authorised, 429 and 5xx unavailable, I/O errors
 * unavailable, unreadable bodies malformed) are the shared {@link ProviderErrors}.
 */
final class SopranoErrors {

    private static final int MAX_MESSAGE = 300;

    private SopranoErrors() {
    }

    static ProviderErrors of(String instance) {
        return new ProviderErrors(instance, "Soprano", body -> message(new String(body, StandardCharsets.UTF_8)));
    }

    /**
     * Soprano's error body is not documented. Read, in order: a FastAPI-style {@code detail} (a string or
     * a list of {@code {msg}}), {@code message}, {@code error}; else null.
     */
    static String message(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode root = SopranoJson.MAPPER.readTree(body);
            for (String field : List.of("detail", "message", "error")) {
                JsonNode node = root.get(field);
                String text = text(node);
                if (text != null) {
                    return clip(text);
                }
            }
            return null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isString() || node.isNumber()) {
            String s = node.asString().strip();
            return s.isEmpty() ? null : s;
        }
        if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : node) {
                String part = item.isObject() ? text(item.get("msg")) : text(item);
                if (part != null) {
                    parts.add(part);
                }
            }
            return parts.isEmpty() ? null : String.join("; ", parts);
        }
        if (node.isObject()) {
            return text(node.get("message"));
        }
        return null;
    }

    private static String clip(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }
}
