package dev.paymux.core.spi;

import dev.paymux.core.payment.PaymentStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An adapter's one table from its provider's statuses to Paymux's. Lookups ignore case; a status the
 * table does not list maps to {@code pending}, marked unknown, and is reported to {@code onUnknown}.
 */
public final class StatusTable {

    private final Map<String, PaymentStatus> table;
    private final Consumer<String> onUnknown;

    private StatusTable(Map<String, PaymentStatus> table, Consumer<String> onUnknown) {
        this.table = table;
        this.onUnknown = onUnknown;
    }

    public static StatusTable of(Map<String, PaymentStatus> entries, Consumer<String> onUnknown) {
        Map<String, PaymentStatus> copy = new LinkedHashMap<>();
        entries.forEach((raw, status) -> copy.put(raw.toLowerCase(Locale.ROOT), status));
        return new StatusTable(copy, onUnknown);
    }

    public ProviderStatus map(String raw) {
        PaymentStatus status = raw == null ? null : table.get(raw.toLowerCase(Locale.ROOT));
        if (status == null) {
            onUnknown.accept(raw);
            return new ProviderStatus(PaymentStatus.PENDING, raw, false);
        }
        return new ProviderStatus(status, raw, true);
    }

    /** The documented statuses, in the order the adapter lists them. */
    public Map<String, PaymentStatus> entries() {
        return Map.copyOf(table);
    }
}
