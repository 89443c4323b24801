package dev.paymux.api.rates;

import dev.paymux.api.web.Times;
import dev.paymux.core.rates.RateProvider;
import dev.paymux.core.rates.RateTable;
import dev.paymux.core.rates.RatesUnavailableException;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rates every part of Paymux prices with.
 *
 * <ul>
 *   <li>A merged live table is served for {@code cache-ttl}; then the next caller refreshes it from every
 *       source at once. One refresh at a time: callers arriving meanwhile wait for it and share its result.</li>
 *   <li>When every source fails, the last good table is served marked stale while it is younger than
 *       {@code max-stale}; after that the fixed table ({@code live-then-fixed}) or a
 *       {@link RatesUnavailableException} ({@code live}). A failed refresh is not retried for
 *       {@code retry-after-failure}, so an outage does not turn every request into a round of timeouts.</li>
 *   <li>{@code fixed} mode serves the configured table and never calls out.</li>
 * </ul>
 *
 * All time comes from the application {@link Clock}. The last good table lives in memory only: after a
 * restart the first caller simply refreshes.
 */
@Service
class RateService implements RateProvider, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateService.class);

    /** A live table and when we took it, by the application clock. */
    private record Fetched(RateTable table, Instant at) {
    }

    private final RatesProperties properties;
    private final Clock clock;
    private final List<GuardedSource> sources;
    private final RateTable fixed;
    private final ExecutorService fetchers;
    private final ReentrantLock refreshing = new ReentrantLock();

    private volatile Fetched lastGood;
    private volatile Instant quietUntil = Instant.MIN;

    RateService(RatesProperties properties, Clock clock, List<RateSource> sources, CircuitBreakerRegistry breakers,
            RetryRegistry retries) {
        this.properties = properties;
        this.clock = clock;
        this.sources = sources.stream().map(s -> new GuardedSource(s, breakers, retries)).toList();
        this.fixed = fixedTable(properties, clock.instant());
        AtomicInteger threads = new AtomicInteger();
        this.fetchers = Executors.newFixedThreadPool(Math.max(1, this.sources.size()), r -> {
            Thread t = new Thread(r, "rates-fetch-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        log.info("Exchange rates: mode {}, live sources {}",
                properties.mode().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                properties.mode() == RatesProperties.Mode.FIXED
                        ? "unused" : this.sources.stream().map(GuardedSource::name).toList());
    }

    @Override
    public RateTable current() {
        if (properties.mode() == RatesProperties.Mode.FIXED) {
            return fixed;
        }
        Optional<RateTable> cached = cached(clock.instant());
        if (cached.isPresent()) {
            return cached.get();
        }
        refreshing.lock();
        try {
            // Whoever held the lock before us may have just refreshed (or just failed): use that.
            cached = cached(clock.instant());
            if (cached.isPresent()) {
                return cached.get();
            }
            Optional<RateTable> fresh = refresh();
            if (fresh.isPresent()) {
                lastGood = new Fetched(fresh.get(), fresh.get().asOf());
                quietUntil = Instant.MIN;
                return fresh.get();
            }
            quietUntil = clock.instant().plus(properties.retryAfterFailure());
            return fallback(clock.instant(), true);
        } finally {
            refreshing.unlock();
        }
    }

    /** Forgets the cached tables and any failure pause: the next call asks the sources again. */
    void invalidate() {
        refreshing.lock();
        try {
            lastGood = null;
            quietUntil = Instant.MIN;
        } finally {
            refreshing.unlock();
        }
    }

    /** The answer that needs no refresh: a fresh table, or the fallback while pausing after a failure. */
    private Optional<RateTable> cached(Instant now) {
        Fetched good = lastGood;
        if (good != null && now.isBefore(good.at().plus(properties.cacheTtl()))) {
            return Optional.of(good.table());
        }
        if (now.isBefore(quietUntil)) {
            return Optional.of(fallback(now, false));
        }
        return Optional.empty();
    }

    /** Asks every source at once, so a slow source adds its time to the refresh only once, not to the others'. */
    private Optional<RateTable> refresh() {
        List<CompletableFuture<SourceResult>> calls = sources.stream()
                .map(source -> CompletableFuture.supplyAsync(source::fetch, fetchers))
                .toList();
        List<SourceResult> results = calls.stream().map(CompletableFuture::join).toList();
        List<SourceResult.Priced> priced = results.stream()
                .filter(SourceResult.Priced.class::isInstance).map(SourceResult.Priced.class::cast).toList();
        results.stream().filter(SourceResult.Failed.class::isInstance).map(SourceResult.Failed.class::cast)
                .forEach(f -> log.warn("Rate source {} failed: {}", f.source(), f.reason()));
        return RateMerger.merge(priced)
                .map(merged -> new RateTable(merged.rates(), merged.source(), clock.instant(), false));
    }

    private RateTable fallback(Instant now, boolean justFailed) {
        Fetched good = lastGood;
        if (good != null && !now.isAfter(good.at().plus(properties.maxStale()))) {
            if (justFailed) {
                log.warn("Every rate source failed; serving the rates of {} as stale", Times.iso(good.at()));
            }
            return good.table().asStale();
        }
        if (properties.mode() == RatesProperties.Mode.LIVE_THEN_FIXED) {
            if (justFailed) {
                log.warn("Every rate source failed and no recent live rates remain; serving the fixed table");
            }
            return fixed;
        }
        throw new RatesUnavailableException(good == null
                ? "no rate source has answered"
                : "no rate source has answered since " + Times.iso(good.at()));
    }

    /** The configured table, checked at start-up in the modes that may serve it. */
    private static RateTable fixedTable(RatesProperties properties, Instant loadedAt) {
        Map<String, Map<String, BigDecimal>> rates = new HashMap<>();
        properties.fixed().forEach((coin, byFiat) -> {
            Map<String, BigDecimal> prices = new HashMap<>();
            byFiat.forEach((fiat, price) -> {
                if (price == null || price.signum() <= 0) {
                    throw new IllegalStateException("paymux.rates.fixed." + coin + "." + fiat + " must be positive");
                }
                prices.put(fiat.toLowerCase(Locale.ROOT), Prices.plain(price));
            });
            rates.put(coin.toLowerCase(Locale.ROOT), prices);
        });
        if (rates.isEmpty() && properties.mode() != RatesProperties.Mode.LIVE) {
            throw new IllegalStateException("paymux.rates.mode " + properties.mode() + " needs paymux.rates.fixed");
        }
        return new RateTable(rates, "fixed", loadedAt, false);
    }

    @Override
    public void close() {
        fetchers.shutdownNow();
    }
}
