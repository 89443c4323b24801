package dev.paymux.exchanger;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An {@code application/x-www-form-urlencoded} body read into its fields, keys in the order sent. */
final class FormBody {

    private final Map<String, List<String>> fields;

    private FormBody(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    /**
     * Reads {@code body} ({@code +} is a space, {@code %XX} UTF-8 bytes).
     *
     * @throws IllegalArgumentException for a broken %-escape
     */
    static FormBody parse(byte[] body) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8).trim();
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return new FormBody(fields);
    }

    /**
     * The one value of {@code name}; null when absent. A field sent twice makes the body ambiguous
     * (which value was signed?), so it counts as absent.
     */
    String single(String name) {
        List<String> values = fields.get(name);
        return values == null || values.size() != 1 ? null : values.get(0);
    }

    /** Whether {@code name} was sent more than once. */
    boolean repeated(String name) {
        List<String> values = fields.get(name);
        return values != null && values.size() > 1;
    }
}
