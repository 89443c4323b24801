package dev.paymux.exchanger;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.spi.StatusTable;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and verifies the exchanger's IPN: a form-urlencoded POST, sent once, signed with the instance's
 * {@code ipnSecret} as {@link IpnSignature} computes. Never throws.
 */
final class ExchangerCallbacks {

    static final String ORDER_UID = "orderUID";
    private static final Pattern UID = Pattern.compile("\\d{1,19}");

    private final String hashField;
    private final String ipnSecret;
    private final StatusTable statuses;

    ExchangerCallbacks(ExchangerConfig config, StatusTable statuses) {
        this.hashField = config.ipnHashField();
        this.ipnSecret = config.ipnSecret();
        this.statuses = statuses;
    }

    CallbackResult parse(CallbackRequest request) {
        try {
            return verifyAndRead(request);
        } catch (RuntimeException e) {
            return new CallbackResult.Rejected("unreadable IPN: " + e.getClass().getSimpleName());
        }
    }

    private CallbackResult verifyAndRead(CallbackRequest request) {
        String type = request.contentType();
        if (type != null && !type.toLowerCase(Locale.ROOT).contains("application/x-www-form-urlencoded")) {
            return new CallbackResult.Rejected("IPN is not form-urlencoded");
        }
        FormBody form = FormBody.parse(request.body());
        for (String name : IpnSignature.SIGNED_FIELDS) {
            if (form.repeated(name)) {
                return new CallbackResult.Rejected("IPN field " + name + " sent twice");
            }
            if (form.single(name) == null) {
                return new CallbackResult.Rejected("IPN without " + name);
            }
        }
        String presented = form.single(hashField);
        if (presented == null) {
            return new CallbackResult.Rejected("IPN without its hash field " + hashField);
        }
        if (!IpnSignature.verify(form::single, ipnSecret, presented)) {
            return new CallbackResult.Rejected("IPN hash does not match");
        }
        // Verified from here on; orderUID is not among the signed fields, so it is checked for shape.
        String uid = form.single(ORDER_UID);
        if (uid == null || !UID.matcher(uid).matches()) {
            return new CallbackResult.Rejected("IPN without a readable orderUID");
        }
        String orderId = form.single("orderId");
        String raw = form.single("newStatus");
        String inAmount = form.single("inAmount");
        ProviderStatus status = statuses.map(raw);
        BigDecimal received = ExchangerStatuses.paid(raw) ? new BigDecimal(inAmount.trim()) : null;
        String payCurrency = CurrencyCodes.normalise(form.single("xml_from"));
        // The order's state, not the delivery: a replay, or the same state signed again, is the same update.
        String dedupeKey = "exchanger:" + orderId + ":" + raw + ":" + inAmount + ":" + form.single("outAmount");
        ProviderUpdate update = new ProviderUpdate(null, uid, status, received, payCurrency, null, dedupeKey);
        return new CallbackResult.Accepted(update, 200, "OK");
    }
}
