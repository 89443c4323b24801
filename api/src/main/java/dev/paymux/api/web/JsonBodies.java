package dev.paymux.api.web;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.core.money.Amounts;
import dev.paymux.core.money.Asset;
import dev.paymux.core.text.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading JSON request bodies strictly: every mistake is a 400 in the seed's error format. */
public final class JsonBodies {

    private JsonBodies() {
    }

    public static JsonNode object(HttpServletRequest request, JsonMapper json) throws IOException {
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        return object(body, json);
    }

    /**
     * The body as a JSON object. Every key and string in it must be storable text: JSON may escape a
     * lone surrogate ({@code "\ud800"}) or a NUL ({@code "\u0000"}), which PostgreSQL would store as
     * "?" or refuse, so two different order ids could become one. Checked here, once, for every body.
     */
    public static JsonNode object(byte[] body, JsonMapper json) {
        if (body == null || body.length == 0) {
            throw badRequest("the request body must be a JSON object");
        }
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JacksonException e) {
            // Jackson refuses a lone surrogate in a property name itself; say so like for values.
            String why = e.getOriginalMessage();
            throw badRequest(why != null && why.contains("surrogate")
                    ? "a field name is not valid Unicode (a lone surrogate)" : "the request body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw badRequest("the request body must be a JSON object");
        }
        checkText(root, "");
        return root;
    }

    private static void checkText(JsonNode node, String path) {
        if (node.isString()) {
            String problem = StorableText.problem(node.asString());
            if (problem != null) {
                throw badRequest((path.isEmpty() ? "a value" : path) + " " + problem);
            }
        } else if (node.isObject()) {
            for (var field : node.properties()) {
                String problem = StorableText.problem(field.getKey());
                if (problem != null) {
                    throw badRequest("a field name " + problem);
                }
                checkText(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey());
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                checkText(node.get(i), path + "[" + i + "]");
            }
        }
    }

    /** An amount given as a decimal string ("100.00") or a JSON number, positive, within {@code maxScale} decimals. */
    public static BigDecimal amount(JsonNode root, String field, int maxScale) {
        JsonNode node = root.get(field);
        try {
            if (node == null || node.isNull()) {
                throw badRequest(field + " is required");
            }
            BigDecimal value = node.isString() ? Amounts.parse(field, node.asString())
                    : node.isNumber() ? node.decimalValue() : null;
            if (value == null) {
                throw badRequest(field + " must be a decimal number such as \"100.00\"");
            }
            return Amounts.check(field, value, maxScale);
        } catch (Amounts.InvalidAmountException e) {
            throw badRequest(e.getMessage());
        }
    }

    public static Asset asset(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isString()) {
            throw badRequest(field + " is required");
        }
        return Asset.parse(node.asString()).orElseThrow(() -> badRequest("unknown " + field + " '" + node.asString() + "'"));
    }

    /** An optional text field; null when absent. */
    public static String text(JsonNode root, String field, int maxLength) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString() || node.asString().isBlank() || node.asString().length() > maxLength) {
            throw badRequest(field + " must be text of 1 to " + maxLength + " characters");
        }
        return node.asString().trim();
    }
}
