package dev.paymux.api.provider;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderUpdate;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.text.StorableText;
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
        String reason = unreadable(in.request().body());
        if (reason == null) {
            CallbackResult result = parse(provider, in.request());
            if (result instanceof CallbackResult.Accepted accepted) {
                reason = unstorable(accepted.update());
                if (reason == null) {
                    return new VerifiedCallback(in.instance(), accepted, in.request().bodyText());
                }
            } else {
                reason = ((CallbackResult.Rejected) result).reason();
            }
        }
        log.warn("Rejected a callback for {}: {}", in.instance(), StorableText.replacingInvalid(reason));
        callbacks.recordRejected(in.instance(), reason, in.request().body(), clock.instant());
        return CallbackReply.notAccepted();
    }

    /** No provider sends NUL in a callback; such a body is refused before an adapter reads it. */
    private static String unreadable(byte[] body) {
        for (byte b : body) {
            if (b == 0) {
                return "the body contains a NUL byte";
            }
        }
        return null;
    }

    private static CallbackResult parse(PaymentProvider provider, CallbackRequest request) {
        try {
            return provider.parseCallback(request);
        } catch (RuntimeException e) {
            // An adapter that trips over a body is a rejected callback, not a 500 the provider retries forever.
            return new CallbackResult.Rejected("unreadable: " + e.getClass().getSimpleName());
        }
    }

    /** A verified update whose texts (decoded from escapes such as \\u0000) could not be stored or looked up exactly. */
    private static String unstorable(ProviderUpdate u) {
        for (String text : new String[] {u.paymentReference(), u.externalId(), u.status().raw(), u.payCurrency(),
                u.txHash(), u.dedupeKey()}) {
            String problem = StorableText.problem(text);
            if (problem != null) {
                return "a field of the callback " + problem;
            }
        }
        return null;
    }

    /** A callback the adapter verified, with the answer the provider expects. */
    record VerifiedCallback(String instance, CallbackResult.Accepted result, String body) {
    }
}
