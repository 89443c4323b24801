package dev.paymux.soprano;

import dev.paymux.core.provider.ProviderException;
import dev.paymux.core.provider.ProviderException.Kind;
import feign.FeignException;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.ErrorDecoder;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Turns every way a Soprano call can fail into a {@link ProviderException} whose message is safe to show:
 * HTTP errors by status (4xx refused with Soprano's own message, 429 and 5xx unavailable), I/O errors and
 * timeouts unavailable, unreadable bodies malformed, an open circuit unavailable.
 */
final class SopranoErrors implements ErrorDecoder {

    private static final Logger log = LoggerFactory.getLogger(SopranoErrors.class);
    private static final int MAX_BODY = 8192;
    private static final int MAX_MESSAGE = 300;

    private final String instance;

    SopranoErrors(String instance) {
        this.instance = instance;
    }

    @Override
    public Exception decode(String methodKey, Response response) {
        int status = response.status();
        if (status == 429 || status >= 500) {
            return new ProviderException(Kind.UNAVAILABLE, instance, "Soprano is unavailable (HTTP " + status + ")",
                    null);
        }
        if (status == 401 || status == 403) {
            // Our credentials, not the merchant's request: tell the operator loudly, the merchant nothing of it.
            log.error("Soprano instance {} refused our API key (HTTP {}); check its configuration", instance, status);
            return new ProviderException(Kind.REJECTED, instance,
                    "Soprano refused the request: the provider instance is not authorised (HTTP " + status + ")", null);
        }
        if (status == 404) {
            return new ProviderException(Kind.REJECTED, instance, "Soprano does not know this payment (HTTP 404)",
                    null);
        }
        if (status >= 400) {
            String detail = message(readBody(response));
            return new ProviderException(Kind.REJECTED, instance, "Soprano refused the payment"
                    + (detail == null ? " (HTTP " + status + ")" : ": " + detail), null);
        }
        // 1xx/3xx: nothing Soprano documents; the outcome is unknown.
        return new ProviderException(Kind.MALFORMED, instance, "Soprano answered HTTP " + status, null);
    }

    /** The exception a failed call leaves the adapter as. */
    ProviderException translate(Throwable t) {
        if (t instanceof ProviderException pe) {
            return pe;
        }
        if (t instanceof CallNotPermittedException) {
            return new ProviderException(Kind.UNAVAILABLE, instance,
                    "Soprano is unavailable (circuit open after repeated failures)", t);
        }
        if (t instanceof DecodeException) {
            return new ProviderException(Kind.MALFORMED, instance, "Soprano answered a body that cannot be read", t);
        }
        if (t instanceof RetryableException) {
            // Feign's wrapper for I/O errors: connection refused or reset, connect or read timeout.
            return new ProviderException(Kind.UNAVAILABLE, instance, "Soprano could not be reached or timed out", t);
        }
        if (t instanceof FeignException) {
            return new ProviderException(Kind.UNAVAILABLE, instance, "Soprano's answer was cut off", t);
        }
        return new ProviderException(Kind.MALFORMED, instance, "Soprano call failed unexpectedly", t);
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

    private static String readBody(Response response) {
        if (response.body() == null) {
            return null;
        }
        try (InputStream in = response.body().asInputStream()) {
            return new String(in.readNBytes(MAX_BODY), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }
}
