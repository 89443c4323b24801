package dev.paymux.api.checkout;

import dev.paymux.core.store.Store;
import dev.paymux.core.store.WidgetOrigins;
import dev.paymux.core.tx.Transactions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The one rule for showing the customer's pages inside the payment widget's frame on a merchant's site.
 * Only the store's allowed widget origins may frame its checkout and selection pages, and only to such
 * an origin does the page report the payment's status. A page asked for with {@code embed=1&origin=…}
 * keeps both on every link and redirect within Paymux, so the customer's path from the currency choice
 * to the checkout stays in the frame.
 */
@Component
public class Embedding {

    private final WidgetOrigins origins;
    private final Transactions tx;

    Embedding(WidgetOrigins origins, Transactions tx) {
        this.origins = origins;
        this.tx = tx;
    }

    /**
     * The parent page's origin a framed page may post the payment's status to: {@code origin} in canonical
     * form when {@code embed} is {@code "1"} and the store allows that origin, else none.
     */
    public Optional<String> parentOrigin(Store store, String embed, String origin) {
        if (!"1".equals(embed)) {
            return Optional.empty();
        }
        return WidgetOrigins.normalize(origin).filter(o -> tx.inTransaction(() -> origins.allows(store.id(), o)));
    }

    /**
     * The {@code Content-Security-Policy} of a store's checkout or selection page: framed by Paymux itself
     * and by the store's widget origins only, so no other site can put the page under its own. A donation
     * is shown in the donation widget's frame, which any site may carry.
     */
    public String contentSecurityPolicy(Store store, boolean donation) {
        if (donation) {
            return "frame-ancestors *";
        }
        List<String> allowed = tx.inTransaction(() -> origins.find(store.id()));
        return "frame-ancestors 'self'" + (allowed.isEmpty() ? "" : " " + String.join(" ", allowed));
    }

    /** {@code url} with the embedding kept ({@code embed=1&origin=…}) when there is a parent origin. */
    public static String carry(String url, String parentOrigin) {
        if (parentOrigin == null) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "embed=1&origin="
                + URLEncoder.encode(parentOrigin, StandardCharsets.UTF_8);
    }
}
