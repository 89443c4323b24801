package dev.paymux.cryptomus;

import static dev.paymux.core.spi.ProviderException.Kind.MALFORMED;
import static dev.paymux.core.spi.ProviderException.Kind.REJECTED;

import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.spi.StatusTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The transformer between Cryptomus's JSON and Paymux's records: invoice requests from intents, invoices
 * to {@link ProviderPayment}s, the service list to {@link PayMethod}s, and callbacks to
 * {@link ProviderUpdate}s.
 */
final class CryptomusMapping {

    /** Cryptomus's bounds on {@code lifetime}, in seconds. */
    static final long MIN_LIFETIME = 300;
    static final long MAX_LIFETIME = 43_200;

    private final CryptomusConfig config;
    private final StatusTable statuses;

    CryptomusMapping(CryptomusConfig config, StatusTable statuses) {
        this.config = config;
        this.statuses = statuses;
    }

    // ---- requests ----

    /**
     * The {@code /v1/payment} body for an intent. The invoice is denominated in the intent's currency (a
     * configured asset's Cryptomus currency, or a fiat code passed as is); a pay currency, or an asset
     * invoice, fixes {@code network}, and {@code to_currency} when the customer pays in another currency.
     */
    Map<String, Object> invoice(PaymentIntent intent, CryptomusPaymentOptions options) {
        CryptomusAsset invoiceAsset = config.asset(intent.currency());
        CryptomusAsset pay = null;
        if (intent.payCurrency() != null) {
            pay = config.asset(intent.payCurrency());
            if (pay == null) {
                throw new CallFailure(REJECTED, "Cryptomus instance " + config.instance() + " does not take "
                        + intent.payCurrency());
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", plain(intent.amount()));
        body.put("currency", invoiceAsset != null ? invoiceAsset.currency()
                : intent.currency().toUpperCase(Locale.ROOT));
        body.put("order_id", intent.reference());
        CryptomusAsset target = pay != null ? pay : invoiceAsset;
        if (target != null) {
            if (invoiceAsset == null || !invoiceAsset.currency().equalsIgnoreCase(target.currency())) {
                body.put("to_currency", target.currency());
            }
            body.put("network", target.network());
        }
        if (intent.callbackUrl() != null) {
            body.put("url_callback", intent.callbackUrl());
        }
        if (intent.returnUrl() != null) {
            body.put("url_return", intent.returnUrl());
            body.put("url_success", intent.returnUrl());
        }
        body.put("lifetime", lifetime(intent));
        CryptomusPaymentOptions o = options.orElse(config.paymentDefaults());
        if (o.isPaymentMultiple() != null) {
            body.put("is_payment_multiple", o.isPaymentMultiple());
        }
        if (o.accuracyPaymentPercent() != null) {
            body.put("accuracy_payment_percent", o.accuracyPaymentPercent());
        }
        if (o.additionalData() != null) {
            body.put("additional_data", o.additionalData());
        }
        return body;
    }

    /** The intent's lifetime within Cryptomus's 300..43200 s; the answer's {@code expired_at} tells the truth. */
    static long lifetime(PaymentIntent intent) {
        return Math.max(MIN_LIFETIME, Math.min(MAX_LIFETIME, intent.lifetime().toSeconds()));
    }

    // ---- answers ----

    /** The {@code result} of a successful answer; a {@code state} other than 0 is a refusal. */
    static JsonNode result(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            throw new CallFailure(MALFORMED, "answer is not a JSON object");
        }
        JsonNode state = answer.path("state");
        if (!state.isNumber() && !state.isString()) {
            throw new CallFailure(MALFORMED, "answer has no state");
        }
        if (!"0".equals(state.asString())) {
            String message = CryptomusCodec.errorMessage(answer);
            throw new CallFailure(REJECTED, message != null ? message : "state " + state.asString());
        }
        JsonNode result = answer.path("result");
        if (result.isMissingNode() || result.isNull()) {
            throw new CallFailure(MALFORMED, "answer has no result");
        }
        return result;
    }

    /** An invoice ({@code /v1/payment}, {@code /v1/payment/info}) as Paymux sees it. */
    ProviderPayment payment(JsonNode answer, String expectedOrderId) {
        JsonNode invoice = result(answer);
        if (!invoice.isObject()) {
            throw new CallFailure(MALFORMED, "result is not an invoice");
        }
        String uuid = text(invoice, "uuid");
        if (uuid == null || uuid.isBlank()) {
            throw new CallFailure(MALFORMED, "invoice has no uuid");
        }
        String orderId = text(invoice, "order_id");
        if (expectedOrderId != null && orderId != null && !orderId.equals(expectedOrderId)) {
            throw new CallFailure(MALFORMED, "invoice " + uuid + " belongs to another order");
        }
        String raw = text(invoice, "payment_status");
        if (raw == null) {
            raw = text(invoice, "status");
        }
        ProviderStatus status = statuses.map(raw);
        String network = text(invoice, "network");
        String payerCurrency = text(invoice, "payer_currency");
        String currency = text(invoice, "currency");
        BigDecimal payAmount = decimal(invoice, "payer_amount");
        CryptomusAsset invoiceAsset = config.asset(currency, network);
        if (payAmount == null && payerCurrency == null && invoiceAsset != null) {
            payAmount = decimal(invoice, "amount");
        }
        return new ProviderPayment(new ProviderReference(config.instance(), uuid, null), status,
                text(invoice, "address"), payAmount, payCurrency(payerCurrency != null ? payerCurrency : 
                        invoiceAsset != null ? currency : null, network),
                text(invoice, "url"), decimal(invoice, "payment_amount"), text(invoice, "txid"),
                epochSeconds(invoice, "expired_at"));
    }

    /**
     * The service list as pay methods, one per configured asset: limits and commission from Cryptomus,
     * network fee, minimum and FX spread from configuration; an asset Cryptomus does not list is unavailable.
     */
    Map<String, PayMethod> services(JsonNode answer) {
        JsonNode list = result(answer);
        if (!list.isArray()) {
            throw new CallFailure(MALFORMED, "service list is not an array");
        }
        Map<String, PayMethod> methods = new LinkedHashMap<>();
        for (CryptomusAsset asset : config.assets()) {
            methods.put(asset.asset(), new PayMethod(asset.asset(), asset.min(), asset.max(), asset.fees(), false));
        }
        for (JsonNode service : list.values()) {
            CryptomusAsset asset = config.asset(text(service, "currency"), text(service, "network"));
            if (asset == null) {
                continue;
            }
            JsonNode limit = service.path("limit");
            JsonNode commission = service.path("commission");
            FeeSchedule configured = asset.fees();
            FeeSchedule fees = new FeeSchedule(orZero(decimal(commission, "percent")),
                    orZero(decimal(commission, "fee_amount")), configured.minimum(), configured.networkFee(),
                    configured.fxSpreadPercent());
            methods.put(asset.asset(), new PayMethod(asset.asset(), decimal(limit, "min_amount"),
                    decimal(limit, "max_amount"), fees, bool(service, "is_available")));
        }
        return methods;
    }

    // ---- callbacks ----

    /**
     * A verified callback body (without its {@code sign}) as an update. The dedupe key is the invoice,
     * its status, the amount paid and the transaction: a replay gives the same key, a new payment on the
     * same invoice a new one.
     */
    ProviderUpdate update(Map<String, Object> body) {
        String uuid = string(body.get("uuid"));
        if (uuid == null || uuid.isBlank()) {
            throw new IllegalArgumentException("callback has no uuid");
        }
        String raw = string(body.get("status"));
        if (raw == null) {
            raw = string(body.get("payment_status"));
        }
        if (raw == null) {
            throw new IllegalArgumentException("callback has no status");
        }
        BigDecimal paid = decimalOrNull(string(body.get("payment_amount")));
        String txid = string(body.get("txid"));
        String payer = string(body.get("payer_currency"));
        String network = string(body.get("network"));
        String dedupe = "cryptomus:" + uuid + ":" + raw.toLowerCase(Locale.ROOT) + ":"
                + (paid == null ? "-" : plain(paid)) + ":" + (txid == null ? "-" : txid);
        return new ProviderUpdate(string(body.get("order_id")), uuid, statuses.map(raw), paid,
                payCurrency(payer, network), txid, dedupe);
    }

    // ---- helpers ----

    /** Paymux's asset code for Cryptomus's (currency, network), or the currency as Cryptomus wrote it. */
    String payCurrency(String currency, String network) {
        if (currency == null) {
            return null;
        }
        CryptomusAsset asset = config.asset(currency, network);
        return asset != null ? asset.asset() : currency;
    }

    static String plain(BigDecimal amount) {
        return amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString();
    }

    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (v.isString() || v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new CallFailure(MALFORMED, field + " is not a scalar");
    }

    static BigDecimal decimal(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isNumber()) {
            return v.decimalValue();
        }
        try {
            return decimalOrNull(text(node, field));
        } catch (NumberFormatException e) {
            throw new CallFailure(MALFORMED, field + " is not an amount");
        }
    }

    private static boolean bool(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isBoolean() ? v.booleanValue() : "true".equalsIgnoreCase(v.asString()) || "1".equals(v.asString());
    }

    private static Instant epochSeconds(JsonNode node, String field) {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Instant.ofEpochSecond(new BigDecimal(v).longValueExact());
        } catch (ArithmeticException | NumberFormatException e) {
            throw new CallFailure(MALFORMED, field + " is not a timestamp");
        }
    }

    private static BigDecimal decimalOrNull(String text) {
        return text == null || text.isBlank() ? null : new BigDecimal(text.trim());
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String string(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof PhpJson.RawNumber n) {
            return n.text();
        }
        if (v instanceof Boolean b) {
            return b.toString();
        }
        throw new IllegalArgumentException("not a scalar");
    }
}
