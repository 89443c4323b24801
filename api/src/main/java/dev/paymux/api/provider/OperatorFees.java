package dev.paymux.api.provider;

import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.providers.ProviderFees;
import dev.paymux.core.routing.Quoter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The router's {@link Quoter}: an instance's cost from the fee schedule the operator stored for it
 * ({@code PUT /admin/v1/provider-instances/{name}/fees}), else the adapter's own quote. The stored methods
 * replace the adapter's for their currencies; the adapter's methods for other currencies are kept.
 *
 * <p>The schedules are held in memory (one volatile read per quote), loaded at start-up and refreshed on
 * every change made through this application.
 */
@Component
public class OperatorFees implements Quoter {

    /** The scale costs are rounded up to. */
    static final int SCALE = 8;

    private final ProviderFees fees;
    private volatile Map<String, List<PayMethod>> byInstance;

    OperatorFees(ProviderFees fees) {
        this.fees = fees;
        this.byInstance = Map.copyOf(copy(fees.all()));
    }

    @Override
    public Quote quote(PaymentProvider provider, PaymentIntent intent) {
        List<PayMethod> stored = byInstance.get(provider.instance());
        if (stored == null || stored.isEmpty()) {
            return provider.quote(intent);
        }
        Capabilities caps = provider.capabilities();
        return Quote.fromMethods(provider.instance(), new Capabilities(merge(stored, caps.methods()),
                caps.sendsCallbacks(), caps.retriesCallbacks()), intent, SCALE);
    }

    /** The operator's methods for an instance; empty when none are stored. */
    public List<PayMethod> stored(String instance) {
        return byInstance.getOrDefault(instance, List.of());
    }

    /** The methods quotes use: the stored ones, then the adapter's for the other currencies. */
    public List<PayMethod> effective(PaymentProvider provider) {
        return merge(stored(provider.instance()), provider.capabilities().methods());
    }

    /** Re-reads one instance's schedule from the database after it changed. */
    void refresh(String instance) {
        List<PayMethod> now = fees.of(instance);
        synchronized (this) {
            Map<String, List<PayMethod>> next = new HashMap<>(byInstance);
            if (now.isEmpty()) {
                next.remove(instance);
            } else {
                next.put(instance, List.copyOf(now));
            }
            byInstance = Map.copyOf(next);
        }
    }

    /** Re-reads every schedule from the database. */
    synchronized void reload() {
        byInstance = Map.copyOf(copy(fees.all()));
    }

    static List<PayMethod> merge(List<PayMethod> stored, List<PayMethod> adapter) {
        List<PayMethod> out = new ArrayList<>(stored);
        for (PayMethod m : adapter) {
            if (stored.stream().noneMatch(s -> s.currency().equalsIgnoreCase(m.currency()))) {
                out.add(m);
            }
        }
        return out;
    }

    private static Map<String, List<PayMethod>> copy(Map<String, List<PayMethod>> all) {
        Map<String, List<PayMethod>> out = new HashMap<>();
        all.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return out;
    }
}
