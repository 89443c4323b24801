package dev.paymux.api.auth;

import dev.paymux.api.web.ErrorWriter;
import dev.paymux.core.store.StoreId;
import dev.paymux.api.limits.PublicEndpointLimits;
import dev.paymux.api.web.ApiException;
import dev.paymux.core.store.Stores;
import dev.paymux.core.store.Stores.StoreCredentials;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The seed's HMAC authentication for {@code /api/v1/*}. Missing headers are a 401; a stale timestamp,
 * an unknown key or a wrong signature a 403. Unknown key and wrong signature give the same answer, so
 * the response never tells whether a key exists.
 *
 * <p>The signed path is the request path as sent, without the query string (canonical, as in the
 * seed); a signature over {@code path?query} is accepted too. A verified request that changes something is
 * accepted once: {@link ReplayGuard} answers a copy with 409.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class MerchantAuthFilter extends OncePerRequestFilter {

    /** Request attribute holding the authenticated {@link dev.paymux.core.store.StoreId}. */
    static final String STORE = AuthenticatedStore.ATTRIBUTE;

    private static final String DUMMY_SECRET = "paymux-no-such-key";

    private final Stores stores;
    private final Clock clock;
    private final long toleranceSeconds;
    private final ErrorWriter errors;
    private final ReplayGuard replays;
    private final PublicEndpointLimits limits;

    MerchantAuthFilter(Stores stores, Clock clock,
            @Value("${paymux.api.timestamp-tolerance-seconds:300}") long toleranceSeconds, ErrorWriter errors,
            ReplayGuard replays, PublicEndpointLimits limits) {
        this.limits = limits;
        this.stores = stores;
        this.clock = clock;
        this.toleranceSeconds = toleranceSeconds;
        this.errors = errors;
        this.replays = replays;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !uri.startsWith("/api/v1/") || PublicEndpoints.isPublic(uri);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String apiKey = request.getHeader("X-Api-Key");
        String timestamp = request.getHeader("X-Timestamp");
        String signature = request.getHeader("X-Signature");
        if (blank(apiKey) || blank(timestamp) || blank(signature)) {
            errors.write(response, HttpStatus.UNAUTHORIZED,
                    "missing authentication: X-Api-Key, X-Timestamp and X-Signature headers are required");
            return;
        }
        if (!fresh(timestamp)) {
            errors.write(response, HttpStatus.FORBIDDEN,
                    "X-Timestamp must be the current Unix time in seconds (within ±" + toleranceSeconds + " s)");
            return;
        }
        byte[] body = request instanceof CachedBodyRequest cached ? cached.body() : request.getInputStream().readAllBytes();
        Optional<StoreCredentials> credentials = stores.findCredentialsByApiKey(apiKey);
        // Compute with a dummy secret for unknown keys so both cases cost the same.
        String secret = credentials.map(StoreCredentials::apiSecret).orElse(DUMMY_SECRET);
        String method = request.getMethod();
        String path = request.getRequestURI();
        boolean valid = RequestSignature.matches(RequestSignature.sign(secret, timestamp, method, path, body), signature);
        if (!valid && request.getQueryString() != null) {
            valid = RequestSignature.matches(
                    RequestSignature.sign(secret, timestamp, method, path + "?" + request.getQueryString(), body),
                    signature);
        }
        if (!valid || credentials.isEmpty()) {
            errors.write(response, HttpStatus.FORBIDDEN, "invalid API key or signature");
            return;
        }
        StoreId store = credentials.get().storeId();
        // Only signed requests count, so nobody but the merchant can use up its key's requests.
        try {
            limits.merchantRequest(store, credentials.get().rateLimit());
        } catch (ApiException e) {
            if (e.retryAfterSeconds() != null) {
                response.setHeader("Retry-After", String.valueOf(e.retryAfterSeconds()));
            }
            errors.write(response, e.status(), e.getMessage());
            return;
        }
        // Fresh until the second after ts + tolerance: a copy arriving later is refused as stale anyway.
        Instant validUntil = Instant.ofEpochSecond(Long.parseLong(timestamp) + toleranceSeconds + 1);
        if (!replays.admit(store, request, signature, body, validUntil)) {
            errors.write(response, HttpStatus.CONFLICT, ReplayGuard.REFUSED);
            return;
        }
        request.setAttribute(STORE, store);
        chain.doFilter(request, response);
    }

    private boolean fresh(String timestamp) {
        if (!timestamp.matches("\\d{1,12}")) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        return Math.abs(now - Long.parseLong(timestamp)) <= toleranceSeconds;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
