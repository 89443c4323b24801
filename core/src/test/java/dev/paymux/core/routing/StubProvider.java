package dev.paymux.core.routing;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderHealth;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import java.math.BigDecimal;
import java.util.List;

/** A provider instance that only quotes: what the router needs, with a fee schedule and a health switch. */
record StubProvider(String instance, List<PayMethod> methods, boolean up) implements PaymentProvider {

    static StubProvider of(String instance, String currency, String percent, String fixed, String min, String max) {
        return new StubProvider(instance, List.of(new PayMethod(currency, min == null ? null : new BigDecimal(min),
                max == null ? null : new BigDecimal(max), new FeeSchedule(new BigDecimal(percent), new BigDecimal(fixed),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), true)), true);
    }

    StubProvider down() {
        return new StubProvider(instance, methods, false);
    }

    @Override
    public String type() {
        return "stub";
    }

    @Override
    public Capabilities capabilities() {
        return new Capabilities(methods, true, true);
    }

    @Override
    public Quote quote(PaymentIntent intent) {
        return Quote.fromMethods(instance, capabilities(), intent, 6);
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        throw new UnsupportedOperationException("the router never creates");
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        throw new UnsupportedOperationException("the router never fetches");
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        return new CallbackResult.Rejected("no callbacks");
    }

    @Override
    public ProviderHealth health() {
        return up ? ProviderHealth.up("ok") : ProviderHealth.down("circuit open");
    }
}
