package dev.paymux.onchain.provider;

import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.NativeCheckout;
import dev.paymux.core.spi.NativeCheckout.NativeState;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.ProviderStatus;
import dev.paymux.core.spi.Quote;
import java.util.List;
import java.util.Objects;

/**
 * Paymux's own provider behind the same interface as the third-party ones: its pay methods are the
 * assets the chain watchers follow, its cost is the network fee estimate of each (no provider fee), it
 * "creates" a payment by placing it on a receiving address, and it needs no callbacks — the watchers
 * settle its payments directly.
 */
public final class NativeProvider implements PaymentProvider {

    public static final String TYPE = "native";

    private final String instance;
    private final List<PayMethod> methods;
    private final NativeCheckout checkout;

    /**
     * @param methods  the assets this gateway watches, with their limits and network fee estimates
     */
    public NativeProvider(String instance, List<PayMethod> methods, NativeCheckout checkout) {
        this.instance = Objects.requireNonNull(instance);
        this.methods = List.copyOf(methods);
        this.checkout = Objects.requireNonNull(checkout);
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String instance() {
        return instance;
    }

    @Override
    public Capabilities capabilities() {
        // The watchers report every transfer (retrying until they succeed), which is what callbacks are for.
        return new Capabilities(methods, true, true);
    }

    @Override
    public Quote quote(PaymentIntent intent) {
        return Quote.fromMethods(instance, capabilities(), intent, 18);
    }

    @Override
    public ProviderPayment create(PaymentIntent intent) {
        return payment(checkout.place(intent.reference()));
    }

    @Override
    public ProviderPayment fetch(ProviderReference reference) {
        return payment(checkout.state(reference.externalId()));
    }

    @Override
    public CallbackResult parseCallback(CallbackRequest request) {
        return new CallbackResult.Rejected("the native provider takes no callbacks: its chain watchers settle payments");
    }

    private ProviderPayment payment(NativeState s) {
        PaymentStatus status = s.status();
        return new ProviderPayment(new ProviderReference(instance, s.reference(), null),
                new ProviderStatus(status, status.wire(), true), s.address(), s.amount(), s.asset(), null, s.received(),
                s.txHash(), s.expiresAt());
    }
}
