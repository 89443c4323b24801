package dev.paymux.core.spi;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A callback exactly as it arrived: the raw body bytes (signatures are computed over them) and the
 * headers, looked up case-insensitively.
 */
public record CallbackRequest(Map<String, List<String>> headers, byte[] body, String contentType,
        String remoteAddress) {

    public CallbackRequest {
        Objects.requireNonNull(body, "body");
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        headers = copy;
    }

    /** The first value of a header, or null. */
    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public static CallbackRequest json(String body, Map<String, String> headers) {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        return new CallbackRequest(h, body.getBytes(StandardCharsets.UTF_8), "application/json", null);
    }
}
