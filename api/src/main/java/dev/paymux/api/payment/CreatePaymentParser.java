package dev.paymux.api.payment;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.money.Amounts;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.CreatePayment;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a create-payment body strictly: unknown fields are ignored, but a known field of the wrong type,
 * an amount that is not a plain decimal, or an unknown currency is a 400 before anything is written.
 */
@Component
public class CreatePaymentParser {

    static final int MAX_ORDER_ID = 255;

    private final JsonMapper json;

    CreatePaymentParser(JsonMapper json) {
        this.json = json;
    }

    public CreatePayment parse(byte[] body) {
        JsonNode root = readObject(json, body);
        return new CreatePayment(
                orderId(root.get("order_id")),
                amount("amount", root.get("amount")),
                amount("fiat_amount", root.get("fiat_amount")),
                fiat(root.get("fiat_currency")),
                asset(root.get("currency")),
                metadata(root.get("metadata")));
    }

    static JsonNode readObject(JsonMapper json, byte[] body) {
        return JsonBodies.object(body, json);
    }

    private static String orderId(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw badRequest("order_id must be a string");
        }
        String value = node.asString();
        if (value.isEmpty() || value.length() > MAX_ORDER_ID || value.chars().anyMatch(Character::isISOControl)) {
            throw badRequest("order_id must be 1 to " + MAX_ORDER_ID + " printable characters");
        }
        return value;
    }

    static BigDecimal amount(String field, JsonNode node) {
        if (absent(node)) {
            return null;
        }
        try {
            if (node.isString()) {
                return Amounts.parse(field, node.asString().trim().isEmpty() ? "" : node.asString());
            }
            if (node.isNumber()) {
                return node.decimalValue();
            }
        } catch (Amounts.InvalidAmountException e) {
            throw badRequest(e.getMessage());
        }
        throw badRequest(field + " must be a decimal number such as \"100.00\"");
    }

    static Fiat fiat(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw badRequest("fiat_currency must be a string");
        }
        return Fiat.parse(node.asString()).orElseThrow(() -> badRequest("unknown fiat_currency '" + node.asString()
                + "'; use one of " + Arrays.stream(Fiat.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    static Asset asset(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isString()) {
            throw badRequest("currency must be a string");
        }
        return Asset.parse(node.asString()).orElseThrow(() -> badRequest("unknown currency '" + node.asString()
                + "'; use one of " + Arrays.stream(Asset.values()).map(Enum::name).collect(Collectors.joining(", "))));
    }

    private String metadata(JsonNode node) {
        if (absent(node)) {
            return null;
        }
        if (!node.isObject()) {
            throw badRequest("metadata must be a JSON object");
        }
        return json.writeValueAsString(node);
    }

    private static boolean absent(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode();
    }
}
