package dev.paymux.api.provider;

import dev.paymux.api.provider.CallbackVerifier.VerifiedCallback;
import dev.paymux.core.providers.ProviderUpdates;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Stage two: the verified update is applied to the payment in one transaction (status, ledger, the
 * merchant webhook's outbox row). Replays, unknown payments and stale news are answered like success,
 * so the provider stops resending; the operator sees them in the callback record.
 */
@Component
class CallbackApplier {

    private static final Logger log = LoggerFactory.getLogger(CallbackApplier.class);

    private final ProviderUpdates updates;

    CallbackApplier(ProviderUpdates updates) {
        this.updates = updates;
    }

    CallbackReply apply(VerifiedCallback v) {
        ProviderUpdates.Outcome outcome = updates.callback(v.instance(), v.result().update(), v.body());
        if (outcome == ProviderUpdates.Outcome.UNKNOWN_PAYMENT) {
            log.warn("Callback from {} for a payment Paymux does not know: {}", v.instance(),
                    v.result().update().externalId());
        }
        return new CallbackReply(v.result().responseStatus(), v.result().responseBody());
    }
}
