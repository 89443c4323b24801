package dev.paymux.exchanger;

import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.StatusTable;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The transformer between the exchanger's JSON and Paymux's records. The document shows the order
 * request but not the answers, so answers are read leniently (the names the exchanger's own web client
 * uses first, a few obvious variants after) and anything essential that is missing is MALFORMED.
 */
final class ExchangerMapping {

    /** The query parameter Paymux adds to the IPN URL so the order can be traced to the payment. */
    static final String REFERENCE_PARAM = "paymuxRef";

    private static final int MAX_MESSAGE = 300;

    private final ExchangerConfig config;
    private final StatusTable statuses;

    ExchangerMapping(ExchangerConfig config, StatusTable statuses) {
        this.config = config;
        this.statuses = statuses;
    }

    // ---- requests ----

    /** The {@code order/create} body: the document's parameters, field arrays as {@code [{key, value}]}. */
    Map<String, Object> createBody(PaymentIntent intent, ExchangerRoute route) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("routeId", route.routeId());
        putIfPresent(body, "partner", config.partner());
        body.put("amount", intent.amount());
        body.put("fromValues", fields(route.fromValues()));
        body.put("toValues", fields(route.toValues()));
        body.put("routeValues", fields(route.routeValues()));
        putIfPresent(body, "lang", config.lang());
        body.put("agreement", true);
        body.put("hideOutData", config.hideOutData());
        putIfPresent(body, "clientCallbackUrl", intent.returnUrl());
        if (intent.callbackUrl() != null) {
            body.put("ipnUrl", ipnUrl(intent.callbackUrl(), intent.reference()));
            body.put("ipnSecret", config.ipnSecret());
        }
        return body;
    }

    static String ipnUrl(String callbackUrl, String reference) {
        return callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + REFERENCE_PARAM + "="
                + URLEncoder.encode(reference, StandardCharsets.UTF_8);
    }

    private static List<Map<String, String>> fields(Map<String, String> values) {
        List<Map<String, String>> list = new ArrayList<>();
        values.forEach((key, value) -> {
            Map<String, String> field = new LinkedHashMap<>();
            field.put("key", key);
            field.put("value", value);
            list.add(field);
        });
        return list;
    }

    // ---- answers ----

    /** The payment {@code order/create} answered with. A just-created order without a status is {@code new}. */
    ProviderPayment created(JsonNode answer, ExchangerRoute route) {
        JsonNode order = order(present(answer));
        String uid = required(order, "uid", text(order, "uid", "orderUID", "orderUid"));
        String secret = required(order, "secret", text(order, "secret", "orderSecret"));
        String raw = text(order, "status");
        ProviderStatus status = statuses.map(raw == null ? "new" : raw);
        return payment(order, uid, secret, status, route.payCurrency());
    }

    /** The payment {@code order/get} answered with for {@code reference}. */
    ProviderPayment fetched(JsonNode answer, ProviderReference reference) {
        JsonNode order = order(present(answer));
        String uid = text(order, "uid", "orderUID", "orderUid");
        if (uid != null && !uid.equals(reference.externalId())) {
            throw malformed("the exchanger answered with another order");
        }
        String raw = required(order, "status", text(order, "status"));
        String fromXml = text(order.path("route").path("from"), "xml");
        if (fromXml == null) {
            fromXml = text(order, "xml_from", "fromXml");
        }
        return payment(order, reference.externalId(), reference.secret(), statuses.map(raw),
                fromXml == null ? null : CurrencyCodes.normalise(fromXml));
    }

    private ProviderPayment payment(JsonNode order, String uid, String secret, ProviderStatus status,
            String payCurrency) {
        BigDecimal inAmount = decimal(order, "inAmount", "amountIn");
        BigDecimal received = ExchangerStatuses.paid(status.raw()) ? inAmount : null;
        String url = text(order, "paymentUrl");
        if (url == null) {
            url = paymentPage(uid, secret);
        }
        return new ProviderPayment(new ProviderReference(config.instance(), uid, secret), status, null, inAmount,
                payCurrency, url, received, text(order, "txHash"), null);
    }

    String paymentPage(String uid, String secret) {
        String template = config.paymentPageTemplate();
        if (template == null) {
            return null;
        }
        return template.replace("{uid}", URLEncoder.encode(uid, StandardCharsets.UTF_8))
                .replace("{secret}", URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /** A route as {@code route/get} lists it. */
    record ListedRoute(String routeId, String fromXml, String toXml, BigDecimal min, BigDecimal max,
            boolean enabled) {
    }

    List<ListedRoute> routes(JsonNode answer) {
        JsonNode list = present(answer).path("routes");
        if (!list.isArray()) {
            throw malformed("the exchanger's route list has no routes");
        }
        List<ListedRoute> routes = new ArrayList<>();
        for (JsonNode route : list) {
            String id = text(route, "routeId", "_id", "id");
            String from = text(route.path("from"), "xml");
            String to = text(route.path("to"), "xml");
            if (id == null || from == null || to == null) {
                continue; // a route Paymux cannot name is one it cannot use
            }
            BigDecimal min = firstDecimal(route, route.path("limits"), route.path("from"), "min", "minAmount");
            BigDecimal max = firstDecimal(route, route.path("limits"), route.path("from"), "max", "maxAmount");
            boolean enabled = !isFalse(route, "isShowWeb") && !isFalse(route, "enabled") && !isFalse(route, "active");
            routes.add(new ListedRoute(id, from, to, min, max, enabled));
        }
        return routes;
    }

    /** The exchanger's validation message in an error body ({@code message}, {@code error.message}, ...). */
    static String errorMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode tree = ExchangerHttp.JSON.readTree(body);
            String message = text(tree, "message");
            if (message == null) {
                message = text(tree.path("error"), "message");
            }
            if (message == null) {
                message = text(tree, "error", "errorMessage");
            }
            if (message == null && tree.path("errors").isArray() && !tree.path("errors").isEmpty()) {
                JsonNode first = tree.path("errors").get(0);
                message = first.isValueNode() ? first.asString() : text(first, "message", "msg");
            }
            return message == null || message.isBlank() ? null : Printable.of(message, MAX_MESSAGE);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    // ---- reading helpers ----

    /** Feign hands an empty 2xx answer over as null. */
    private JsonNode present(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            throw malformed("the exchanger answered without a JSON object");
        }
        return answer;
    }

    private static JsonNode order(JsonNode answer) {
        JsonNode order = answer.path("order");
        return order.isObject() ? order : answer;
    }

    /** The first of {@code names} present as a scalar, as text; null if none is. */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isValueNode() && !value.isNull()) {
                String text = value.asString();
                if (!text.isBlank()) {
                    return text;
                }
            }
        }
        return null;
    }

    BigDecimal decimal(JsonNode node, String... names) {
        for (String name : names) {
            JsonNode value = node.path(name);
            if (value.isNumber()) {
                return value.decimalValue();
            }
            if (value.isString() && !value.asString().isBlank()) {
                try {
                    return new BigDecimal(value.asString().trim());
                } catch (NumberFormatException e) {
                    throw malformed("the exchanger's " + name + " is not a number");
                }
            }
        }
        return null;
    }

    private BigDecimal firstDecimal(JsonNode a, JsonNode b, JsonNode c, String... names) {
        for (JsonNode node : List.of(a, b, c)) {
            BigDecimal value = decimal(node, names);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static boolean isFalse(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isBoolean() && !value.booleanValue();
    }

    private String required(JsonNode order, String name, String value) {
        if (value == null) {
            throw malformed("the exchanger's answer has no order " + name);
        }
        return value;
    }

    private static void putIfPresent(Map<String, Object> body, String key, Object value) {
        if (value != null) {
            body.put(key, value);
        }
    }

    private ProviderException malformed(String message) {
        return new ProviderException(Kind.MALFORMED, config.instance(), message, null);
    }
}
