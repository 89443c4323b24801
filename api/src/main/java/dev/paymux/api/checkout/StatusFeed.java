package dev.paymux.api.checkout;

import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.Payments;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open checkout pages: a {@code change} event whenever a watched payment's
 * version moves on (status, confirmations, amount received). One query per tick reads the versions of
 * every watched payment, so a change made by any instance reaches every page, whichever instance
 * serves it.
 */
@Component
class StatusFeed implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(StatusFeed.class);

    private record Watch(SseEmitter emitter, long[] seen) {
    }

    private final Payments payments;
    private final Duration streamTimeout;
    private final Map<PaymentId, Set<Watch>> watches = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "checkout-status-feed");
        t.setDaemon(true);
        return t;
    });

    StatusFeed(Payments payments, @Value("${paymux.checkout.feed-interval:1s}") Duration interval,
            @Value("${paymux.checkout.stream-timeout:5m}") Duration streamTimeout) {
        this.payments = payments;
        this.streamTimeout = streamTimeout;
        ticker.scheduleWithFixedDelay(this::tick, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** A stream for a page showing {@code version} of the payment; it closes after the stream timeout and the browser reconnects. */
    SseEmitter watch(PaymentId id, long version) {
        SseEmitter emitter = new SseEmitter(streamTimeout.toMillis());
        Watch w = new Watch(emitter, new long[] {version});
        watches.computeIfAbsent(id, k -> new CopyOnWriteArraySet<>()).add(w);
        Runnable remove = () -> watches.computeIfPresent(id, (k, set) -> {
            set.remove(w);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        // Something at once, so the response and its headers go out now: the browser's stream is open
        // (and says so) before anything changes.
        send(w, SseEmitter.event().reconnectTime(3000).comment("watching"));
        return emitter;
    }

    int watched() {
        return watches.values().stream().mapToInt(Set::size).sum();
    }

    private void tick() {
        if (watches.isEmpty()) {
            return;
        }
        try {
            Map<PaymentId, Long> versions = payments.versions(watches.keySet());
            watches.forEach((id, set) -> {
                Long now = versions.get(id);
                for (Watch w : set) {
                    if (now != null && now != w.seen()[0]) {
                        w.seen()[0] = now;
                        send(w, SseEmitter.event().name("change")
                                .data("{\"version\":" + now + "}", MediaType.APPLICATION_JSON));
                    }
                }
            });
        } catch (RuntimeException e) {
            // The database may be away for a moment; pages keep their stream and the next tick tries again.
            log.debug("Checkout status feed could not read payment versions: {}", e.toString());
        }
    }

    private static void send(Watch w, SseEmitter.SseEventBuilder event) {
        try {
            w.emitter().send(event);
        } catch (IOException | IllegalStateException e) {
            w.emitter().completeWithError(e);
        }
    }

    @Override
    public void destroy() {
        ticker.shutdownNow();
        watches.values().forEach(set -> set.forEach(w -> w.emitter().complete()));
        watches.clear();
    }
}
