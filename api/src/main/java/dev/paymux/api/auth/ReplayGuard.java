package dev.paymux.api.auth;

import dev.paymux.core.store.SeenSignatures;
import dev.paymux.core.store.StoreId;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signature, one change: a verified signed request that changes something (any method but GET, HEAD
 * and OPTIONS) is accepted once while its timestamp is in the signature window; a copy is refused, on every
 * instance, because the seen signatures are kept in the database. Reads may repeat (a client polling twice
 * in one second signs the same bytes), and so may a payment create carrying an {@code order_id}: the order id
 * already makes it idempotent, a copy answers with the first payment, and it is what a client retrying after a
 * timeout sends. A copy of anything else must be signed again (a new X-Timestamp makes a new signature).
 */
@Component
class ReplayGuard {

    static final String REFUSED = "request already seen: sign the retry again or send the same order_id";

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String CREATE = "/api/v1/payment/create";

    private final SeenSignatures seen;
    private final JsonMapper json;

    ReplayGuard(SeenSignatures seen, JsonMapper json) {
        this.seen = seen;
        this.json = json;
    }

    /**
     * Whether a request whose signature has just been verified may go on.
     *
     * @param validUntil when the signature's timestamp leaves the window: a copy after it is refused as stale
     */
    boolean admit(StoreId store, HttpServletRequest request, String signature, byte[] body, Instant validUntil) {
        if (READS.contains(request.getMethod()) || idempotentCreate(request, body)) {
            return true;
        }
        return seen.firstSight(store, hash(signature), validUntil);
    }

    /**
     * A create whose body names an order_id. Anything the create parser would not read as an order id (not a
     * string, bad JSON) is no exemption; where it is an invalid one, every copy is the same 400.
     */
    private boolean idempotentCreate(HttpServletRequest request, byte[] body) {
        if (!request.getMethod().equals("POST") || !request.getRequestURI().equals(CREATE) || body.length == 0) {
            return false;
        }
        try {
            JsonNode orderId = json.readTree(body).get("order_id");
            return orderId != null && orderId.isString();
        } catch (JacksonException e) {
            return false;
        }
    }

    /** SHA-256 of the signature; hex case does not matter to the signature check, so not here either. */
    private static byte[] hash(String signature) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
