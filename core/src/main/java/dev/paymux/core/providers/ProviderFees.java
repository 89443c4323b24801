package dev.paymux.core.providers;

import dev.paymux.core.spi.PayMethod;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The fee schedules the operator set per provider instance and pay-in currency. They take precedence
 * over what the adapter reports for the same currency.
 */
public interface ProviderFees {

    /** Every instance's stored methods, in the order they were given. */
    Map<String, List<PayMethod>> all();

    /** One instance's stored methods; empty when the operator set none. */
    List<PayMethod> of(String instance);

    /** Replaces an instance's methods (an empty list removes them). */
    void replace(String instance, List<PayMethod> methods, Instant now);
}
