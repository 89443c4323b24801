package dev.paymux.api.webhook;

import dev.paymux.core.webhook.RetrySchedule;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code paymux.webhooks.*}: how the dispatcher claims and sends, and the retry schedule
 * (default 10 s, 1 min, 10 min, 1 h, 6 h with ±10 % jitter: 1 attempt + 5 retries).
 */
@ConfigurationProperties("paymux.webhooks")
public record WebhookProperties(
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("15s") Duration timeout,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue("4") int perStoreConcurrency,
        @DefaultValue("16") int threads,
        @DefaultValue({"10s", "1m", "10m", "1h", "6h"}) List<Duration> retryDelays,
        @DefaultValue("10") int jitterPercent,
        @DefaultValue("24h") Duration secretGrace,
        @DefaultValue("false") boolean allowHttp,
        @DefaultValue("false") boolean allowPrivateTargets) {

    public RetrySchedule schedule() {
        return new RetrySchedule(retryDelays, jitterPercent);
    }
}
