package dev.paymux.dashboard.providers;

import dev.paymux.core.spi.PayMethod;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * What the operators' provider pages ask of the gateway: the provider instances with their health and
 * recent record, and their fee schedules. The application implements it with the same registry and
 * administration the admin API uses, so a fee changed here is audited and quoted exactly as one changed
 * there.
 */
public interface ProviderConsole {

    /** Every instance the gateway knows, by name. */
    List<Instance> instances();

    /** The pay methods quotes use for an instance (the operator's first, then the adapter's); empty when unknown. */
    Optional<List<Method>> fees(String instance);

    /**
     * Makes {@code method} the operator's schedule for its currency at {@code instance}, keeping the
     * operator's other currencies; audited as done by {@code actor}.
     *
     * @return false when there is no such instance
     */
    boolean setFees(String actor, String instance, PayMethod method);

    /**
     * One instance as routing sees it.
     *
     * @param source          {@code configuration} or {@code database}
     * @param routable        whether new payments may go to it
     * @param health          the adapter's health ({@code up} or {@code down}) and why
     * @param successPerMille created per finished attempt over the last day, 1000 without attempts
     * @param latencyMillis   mean latency of its successful creates over the last day
     */
    record Instance(String name, String type, String source, boolean enabled, boolean routable, boolean up,
            String health, int successPerMille, long latencyMillis) {
    }

    /** A pay method with its fees, and whether the operator set it ({@code database}) or the adapter did. */
    record Method(String currency, BigDecimal min, BigDecimal max, BigDecimal percent, BigDecimal fixed,
            BigDecimal minimum, BigDecimal networkFee, BigDecimal fxSpreadPercent, boolean available, String source) {
    }
}
