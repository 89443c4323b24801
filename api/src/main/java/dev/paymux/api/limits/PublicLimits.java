package dev.paymux.api.limits;

import dev.paymux.api.limits.RateLimits.Limit;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * {@code paymux.limits.*}: how often the public, unsigned endpoints may be asked, each as
 * {@code <requests>/<period>} (e.g. {@code 60/1m}). Per store: all its visitors together; per client: one
 * client address at one store.
 */
@ConfigurationProperties("paymux.limits")
public record PublicLimits(
        @DefaultValue("60/1m") String widgetPerStore,
        @DefaultValue("10/1m") String widgetPerClient,
        @DefaultValue("10/1m") String donationsPerClient,
        @DefaultValue("1200/1m") String merchantPerKey,
        @DefaultValue("300/1m") String ratesPerClient,
        @DefaultValue("300/1m") String selectionPerClient) {

    public PublicLimits {
        parse("paymux.limits.rates-per-client", ratesPerClient);
        parse("paymux.limits.selection-per-client", selectionPerClient);
        parse("paymux.limits.merchant-per-key", merchantPerKey);
        parse("paymux.limits.widget-per-store", widgetPerStore);
        parse("paymux.limits.widget-per-client", widgetPerClient);
        parse("paymux.limits.donations-per-client", donationsPerClient);
    }

    public Limit widgetStore() {
        return parse("paymux.limits.widget-per-store", widgetPerStore);
    }

    public Limit widgetClient() {
        return parse("paymux.limits.widget-per-client", widgetPerClient);
    }

    public Limit donationClient() {
        return parse("paymux.limits.donations-per-client", donationsPerClient);
    }

    public Limit ratesClient() {
        return parse("paymux.limits.rates-per-client", ratesPerClient);
    }

    public Limit selectionClient() {
        return parse("paymux.limits.selection-per-client", selectionPerClient);
    }

    /** Signed merchant API requests per API key, unless the store has its own limit. */
    public Limit merchantKey() {
        return parse("paymux.limits.merchant-per-key", merchantPerKey);
    }

    /** A limit as written in a setting or the admin API: {@code <requests>/<period>}, such as {@code 600/1m}. */
    public static Limit parse(String property, String text) {
        int slash = text == null ? -1 : text.indexOf('/');
        try {
            if (slash > 0) {
                long requests = Long.parseLong(text.substring(0, slash).strip());
                Duration per = DurationStyle.detectAndParse(text.substring(slash + 1).strip());
                return new Limit(requests, per);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException(property + " must be <requests>/<period> such as 60/1m, not " + text);
    }
}
