package dev.paymux.api.provider;

import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.providers.ProviderCallbacks;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stage one: the instance's adapter verifies and translates the callback. A callback that fails is
 * stored for the operator and answered without details.
 */
@Component
class CallbackVerifier {

    private static final Logger log = LoggerFactory.getLogger(CallbackVerifier.class);

    private final ProviderRegistry registry;
    private final ProviderCallbacks callbacks;
    private final Clock clock;

    CallbackVerifier(ProviderRegistry registry, ProviderCallbacks callbacks, Clock clock) {
        this.registry = registry;
        this.callbacks = callbacks;
        this.clock = clock;
    }

    /** The verified callback, or the reply that ends the flow for an unverified one. */
    Object verify(InboundCallback in) {
        var provider = registry.find(in.instance()).orElse(null);
        if (provider == null) {
            return new CallbackReply(404, "unknown");
        }
        CallbackResult result = provider.parseCallback(in.request());
        if (result instanceof CallbackResult.Accepted accepted) {
            return new VerifiedCallback(in.instance(), accepted, in.request().bodyText());
        }
        String reason = ((CallbackResult.Rejected) result).reason();
        log.warn("Rejected a callback for {}: {}", in.instance(), reason);
        callbacks.recordRejected(in.instance(), reason, in.request().bodyText(), clock.instant());
        return CallbackReply.notAccepted();
    }

    /** A callback the adapter verified, with the answer the provider expects. */
    record VerifiedCallback(String instance, CallbackResult.Accepted result, String body) {
    }
}
