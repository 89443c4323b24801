package dev.paymux.api.webhook;

import dev.paymux.api.web.OutboundUrlPolicy;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which merchant URLs Paymux will call: the {@link OutboundUrlPolicy} with
 * {@code paymux.webhooks.allow-http} and {@code paymux.webhooks.allow-private-targets}. Checked when the
 * URL is set and again before every send, since DNS can change in between.
 */
@Component
public class WebhookUrlPolicy {

    private final OutboundUrlPolicy policy;

    public WebhookUrlPolicy(@Value("${paymux.webhooks.allow-http:false}") boolean allowHttp,
            @Value("${paymux.webhooks.allow-private-targets:false}") boolean allowPrivate) {
        this.policy = new OutboundUrlPolicy(allowHttp, allowPrivate);
    }

    /** Why the URL may not be called, or empty when it may. */
    public Optional<String> refusal(String url) {
        return policy.refusal(url);
    }
}
