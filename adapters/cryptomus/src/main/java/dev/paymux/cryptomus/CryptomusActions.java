package dev.paymux.cryptomus;

import dev.paymux.core.spi.OperatorActions.ActionContext;
import dev.paymux.core.spi.OperatorActions.ActionException;
import dev.paymux.core.spi.OperatorActions.ActionInfo;
import dev.paymux.core.spi.OperatorActions.ActionParam;
import dev.paymux.core.spi.ProviderReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The operator's Cryptomus tools as {@link dev.paymux.core.spi.OperatorActions}: their descriptions,
 * and the request bodies built from checked parameters (nothing is sent for a bad parameter).
 */
final class CryptomusActions {

    static final String TEST_WEBHOOK = "test-webhook";
    static final String RESEND = "resend";

    /** The statuses {@code /v1/test-webhook/payment} documents. */
    static final List<String> TEST_STATUSES = List.of("process", "check", "paid", "paid_over", "fail", "wrong_amount",
            "cancel", "system_fail", "refund_process", "refund_fail", "refund_paid");

    /** {@code order_id}: alpha_dash, 1 to 128 characters (the invoice documentation). */
    private static final Pattern ORDER_ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_]{1,20}");

    static final List<ActionInfo> ACTIONS = List.of(
            new ActionInfo(TEST_WEBHOOK, "Asks Cryptomus to send a test payment webhook to this instance's Paymux "
                    + "callback address (POST /v1/test-webhook/payment), signed like a real one", List.of(
                            new ActionParam("asset", false, "a Paymux asset this instance takes, e.g. USDT_TRC20; "
                                    + "or give currency and network"),
                            new ActionParam("currency", false, "Cryptomus's currency code, e.g. USDT"),
                            new ActionParam("network", false, "Cryptomus's network code, e.g. tron"),
                            new ActionParam("status", false, "the payment status to send (default paid): "
                                    + String.join(", ", TEST_STATUSES)),
                            new ActionParam("uuid", false, "an existing invoice's uuid (or order_id, or payment_id); "
                                    + "none: a test invoice"),
                            new ActionParam("order_id", false, "an existing invoice's order_id")), true),
            new ActionInfo(RESEND, "Asks Cryptomus to send an invoice's last webhook again (POST /v1/payment/resend)",
                    List.of(new ActionParam("uuid", false, "the invoice's uuid; or order_id, or payment_id"),
                            new ActionParam("order_id", false, "the invoice's order_id (Paymux's payment id)")),
                    true));

    private final CryptomusConfig config;

    CryptomusActions(CryptomusConfig config) {
        this.config = config;
    }

    static ActionInfo info(String instance, String action) {
        return ACTIONS.stream().filter(a -> a.name().equals(action)).findFirst()
                .orElseThrow(() -> ActionException.unknownAction(instance, action));
    }

    /** The body of {@code /v1/test-webhook/payment}. */
    Map<String, Object> testWebhook(Map<String, String> params, ActionContext context) {
        checkNames(TEST_WEBHOOK, params);
        if (context == null || context.callbackUrl() == null || context.callbackUrl().isBlank()) {
            throw ActionException.badParams("this instance's callback address is not known");
        }
        String asset = value(params, "asset");
        String currency = value(params, "currency");
        String network = value(params, "network");
        if (asset != null) {
            if (currency != null || network != null) {
                throw ActionException.badParams("give asset, or currency and network, not both");
            }
            CryptomusAsset a = config.asset(asset);
            if (a == null) {
                throw ActionException.badParams("asset must be one this instance takes: " + String.join(", ",
                        config.assets().stream().map(CryptomusAsset::asset).toList()));
            }
            currency = a.currency();
            network = a.network();
        } else if (currency == null || network == null) {
            throw ActionException.badParams("asset, or currency and network, are required");
        } else if (!CODE.matcher(currency).matches() || !CODE.matcher(network).matches()) {
            throw ActionException.badParams("currency and network must be Cryptomus codes such as USDT and tron");
        }
        String status = value(params, "status");
        if (status == null) {
            status = "paid";
        } else if (!TEST_STATUSES.contains(status)) {
            throw ActionException.badParams("status must be one of " + String.join(", ", TEST_STATUSES));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("url_callback", context.callbackUrl());
        body.put("currency", currency);
        body.put("network", network);
        invoice(params, context, false).forEach(body::put);
        body.put("status", status);
        return body;
    }

    /** The body of {@code /v1/payment/resend}. */
    Map<String, Object> resend(Map<String, String> params, ActionContext context) {
        checkNames(RESEND, params);
        return new LinkedHashMap<>(invoice(params, context, true));
    }

    /** {@code uuid} or {@code order_id} from the parameters or the named payment: at most one, or exactly one. */
    private Map<String, String> invoice(Map<String, String> params, ActionContext context, boolean required) {
        String uuid = value(params, "uuid");
        String orderId = value(params, "order_id");
        ProviderReference payment = context == null ? null : context.payment();
        int given = (uuid != null ? 1 : 0) + (orderId != null ? 1 : 0) + (payment != null ? 1 : 0);
        if (given > 1) {
            throw ActionException.badParams("give one of uuid, order_id or payment_id");
        }
        if (given == 0) {
            if (required) {
                throw ActionException.badParams("uuid, order_id or payment_id is required");
            }
            return Map.of();
        }
        if (payment != null) {
            if (!config.instance().equals(payment.instance())) {
                throw ActionException.badParams("the payment is held by provider instance " + payment.instance());
            }
            return Map.of("uuid", payment.externalId());
        }
        if (uuid != null) {
            if (!UUID.matcher(uuid).matches()) {
                throw ActionException.badParams("uuid must be an invoice uuid such as 26109ba0-b05b-4ee0-93d1-fd62c822ce95");
            }
            return Map.of("uuid", uuid);
        }
        if (!ORDER_ID.matcher(orderId).matches()) {
            throw ActionException.badParams("order_id must be 1 to 128 letters, digits, '_' or '-'");
        }
        return Map.of("order_id", orderId);
    }

    private static void checkNames(String action, Map<String, String> params) {
        List<String> allowed = new ArrayList<>();
        info("", action).params().forEach(p -> allowed.add(p.name()));
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw ActionException.badParams("unknown parameter '" + name + "': " + action + " takes "
                        + String.join(", ", allowed) + " or payment_id");
            }
        }
    }

    private static String value(Map<String, String> params, String name) {
        String v = params.get(name);
        if (v == null) {
            return null;
        }
        if (v.isBlank()) {
            throw ActionException.badParams(name + " must not be blank");
        }
        return v.trim();
    }
}
