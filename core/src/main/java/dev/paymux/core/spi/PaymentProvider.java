package dev.paymux.core.spi;

/**
 * A payment provider: Paymux's own (the native chain watchers) or a third-party gateway reached
 * through an adapter. One instance of an implementation is one configured provider instance (a type
 * plus credentials); the same type may be configured several times.
 *
 * <p>Adapters translate, they do not decide: every result carries Paymux's normalised status next to
 * the provider's raw status, and an outcome the adapter cannot read is reported as such (an unknown
 * status, a {@link ProviderException}) for the caller to resolve by polling, never guessed.
 */
public interface PaymentProvider {

    /** The provider type, e.g. {@code native}, {@code cryptomus}, {@code soprano}, {@code exchanger}. */
    String type();

    /** The operator's name for this instance, unique among instances, e.g. {@code cryptomus-eu}. */
    String instance();

    /**
     * What this instance can take (pay-in currencies and their limits and fees) and how it reports back.
     * Cheap: served from configuration or a cache the adapter refreshes; no network call per invocation.
     */
    Capabilities capabilities();

    /**
     * What taking {@code intent} would cost the merchant, or why this instance cannot take it. Cheap
     * and side-effect free, like {@link #capabilities()}: the router calls it for every candidate.
     */
    Quote quote(PaymentIntent intent);

    /**
     * Creates the payment at the provider. Idempotent on {@link PaymentIntent#reference()}: calling it
     * again for the same reference returns the payment the first call created, never a second one.
     *
     * @throws ProviderException when the provider refused the request ({@link ProviderException.Kind#REJECTED},
     *     with a message fit for the merchant), could not be reached or answered 5xx or timed out, or its
     *     circuit is open ({@link ProviderException.Kind#UNAVAILABLE}), or answered something unreadable
     *     ({@link ProviderException.Kind#MALFORMED}) — in the last two cases the outcome is unknown and the
     *     caller must resolve it with {@link #fetch} before trying elsewhere
     */
    ProviderPayment create(PaymentIntent intent);

    /**
     * The payment's current state at the provider, for reconciliation when a callback is late or lost.
     *
     * @throws ProviderException as for {@link #create}; {@code REJECTED} when the provider does not know it
     */
    ProviderPayment fetch(ProviderReference reference);

    /**
     * Verifies a callback (signature, secret) and translates it. Never throws for bad input: a callback
     * that fails verification or cannot be read is {@link CallbackResult.Rejected}. Parsing the same
     * callback twice gives the same {@link ProviderUpdate#dedupeKey()}, so a replay is recognised.
     */
    CallbackResult parseCallback(CallbackRequest request);

    /** The instance's health as the adapter sees it (circuit breaker, the provider's health endpoint). */
    default ProviderHealth health() {
        return ProviderHealth.up("no health information");
    }
}
