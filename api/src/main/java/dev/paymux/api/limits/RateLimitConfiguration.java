package dev.paymux.api.limits;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;

/**
 * The buckets live in {@code rate_limit_buckets}, locked row by row ({@code SELECT ... FOR UPDATE}); a
 * bucket's row expires once it would be full again, and a poller removes expired rows in small batches.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PublicLimits.class)
class RateLimitConfiguration {

    @Bean
    PostgreSQLSelectForUpdateBasedProxyManager<String> rateLimitBuckets(DataSource dataSource, Clock clock) {
        return Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("rate_limit_buckets")
                .idColumn("id")
                .stateColumn("state")
                .expiresAtColumn("expires_at")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    @Bean
    RateLimits rateLimits(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets) {
        return new RateLimits(buckets);
    }

    @Bean
    IntegrationFlow rateLimitCleanupFlow(PostgreSQLSelectForUpdateBasedProxyManager<String> buckets,
            @Value("${paymux.limits.cleanup-interval:1m}") Duration interval) {
        return IntegrationFlow.fromSupplier(() -> Boolean.TRUE, poller -> poller.poller(Pollers.fixedDelay(interval)))
                .handle(Boolean.class, (ignored, headers) -> {
                    // Small batches keep each delete short; stop when a batch comes back short.
                    for (int round = 0; round < 100 && buckets.removeExpired(1000) == 1000; round++) {
                        // keep going
                    }
                    return null;
                })
                .get();
    }

    /** The application's clock (movable in tests), as Bucket4j's wall clock. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
