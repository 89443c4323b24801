package dev.paymux.api.limits;

import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.api.limits.RateLimits.Limit;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

/**
 * The limits of the public endpoints, each named once: a store's widget payments (all visitors together,
 * and each client address), and each client address's donations to a store. A client is its address as
 * the servlet container sees it (behind a reverse proxy on a private network, the forwarded address).
 * Each refusal is a 429 with {@code Retry-After}.
 */
@Component
public class PublicEndpointLimits {

    private final RateLimits limits;
    private final PublicLimits settings;

    PublicEndpointLimits(RateLimits limits, PublicLimits settings) {
        this.limits = limits;
        this.settings = settings;
    }

    /** Before a widget payment is created for {@code store}. */
    public void widgetPayment(Store store, HttpServletRequest request) {
        limits.take("widget-store:" + store.id(), settings.widgetStore(),
                "too many widget payments for this store; try again later");
        limits.take("widget-client:" + store.id() + ":" + request.getRemoteAddr(), settings.widgetClient(),
                "too many payments from this address; try again later");
    }

    /**
     * Before a signed merchant API request of {@code store} is served: the store's own limit when it has one
     * (its text is part of the bucket's name, so a changed limit starts a fresh bucket), else the default.
     */
    public void merchantRequest(StoreId store, String storeLimit) {
        Limit limit = storeLimit == null ? settings.merchantKey() : PublicLimits.parse("the store's limit", storeLimit);
        limits.take("merchant:" + store + ":" + limit.requests() + "/" + limit.per().toSeconds(), limit,
                "too many requests with this API key; retry after the Retry-After seconds");
    }

    /** Before {@code GET /api/v1/rates} is answered, per client address. */
    public void rates(HttpServletRequest request) {
        limits.take("rates-client:" + request.getRemoteAddr(), settings.ratesClient(),
                "too many rate requests from this address; try again later");
    }

    /** Before the selection API answers, per client address (the token alone is no limit: anyone may try many). */
    public void selection(HttpServletRequest request) {
        limits.take("selection-client:" + request.getRemoteAddr(), settings.selectionClient(),
                "too many selection requests from this address; try again later");
    }

    /** Before a donation is created for {@code store}, by the API or the donation page. */
    public void donation(Store store, HttpServletRequest request) {
        limits.take("donation-client:" + store.id() + ":" + request.getRemoteAddr(), settings.donationClient(),
                "too many donations from this address; try again later");
    }
}
