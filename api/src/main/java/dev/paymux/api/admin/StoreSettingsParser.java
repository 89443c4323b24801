package dev.paymux.api.admin;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.api.webhook.WebhookUrlPolicy;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

@Component
class StoreSettingsParser {

    static final int MAX_DONATION_TEXT = StoreSettings.MAX_DONATION_TEXT;

    private final WebhookUrlPolicy webhookUrls;

    StoreSettingsParser(WebhookUrlPolicy webhookUrls) {
        this.webhookUrls = webhookUrls;
    }

    StoreSettings parse(JsonNode root) {
        List<Asset> assets = null;
        if (root.hasNonNull("assets")) {
            JsonNode list = root.get("assets");
            if (!list.isArray()) {
                throw badRequest("assets must be an array of asset codes");
            }
            assets = new ArrayList<>();
            for (JsonNode a : list) {
                Asset asset = AdminController.parseAsset(a);
                if (!assets.contains(asset)) {
                    assets.add(asset);
                }
            }
        }
        String pricing = null;
        if (root.hasNonNull("pricing_currency")) {
            JsonNode p = root.get("pricing_currency");
            pricing = Fiat.parse(p.isString() ? p.asString() : null)
                    .orElseThrow(() -> badRequest("pricing_currency must be one of USD, EUR, RUB, CNY, GBP")).name();
        }
        Integer lifetime = null;
        if (root.hasNonNull("lifetime_seconds")) {
            JsonNode l = root.get("lifetime_seconds");
            // canConvertToInt first: asLong() throws on integers past a long (a 500 instead of a 400).
            if (!l.isIntegralNumber() || !l.canConvertToInt() || !StoreSettings.validLifetime(l.asInt())) {
                throw badRequest("lifetime_seconds must be an integer from 60 to 604800");
            }
            lifetime = l.asInt();
        }
        BigDecimal tolerance = null;
        if (root.hasNonNull("underpaid_tolerance_percent")) {
            JsonNode t = root.get("underpaid_tolerance_percent");
            // The column is numeric(5,2): a third decimal would be rounded away without a word.
            if (!t.isNumber() || !StoreSettings.validTolerance(t.decimalValue())) {
                throw badRequest("underpaid_tolerance_percent must be a number from 0 to 10 with at most 2 decimals");
            }
            tolerance = t.decimalValue();
        }
        String webhook = null;
        if (root.hasNonNull("webhook_url")) {
            JsonNode w = root.get("webhook_url");
            if (!w.isString() || w.asString().isBlank() || w.asString().length() > 2048) {
                throw badRequest("webhook_url must be a URL (up to 2048 characters)");
            }
            webhook = w.asString().trim();
            String refusal = webhookUrls.refusal(webhook).orElse(null);
            if (refusal != null) {
                throw badRequest("webhook_url is not accepted: " + refusal);
            }
        }
        return new StoreSettings(assets, pricing, lifetime, tolerance, webhook, donationsEnabled(root),
                donationText(root));
    }

    private static Boolean donationsEnabled(JsonNode root) {
        if (!root.hasNonNull("donations_enabled")) {
            return null;
        }
        JsonNode d = root.get("donations_enabled");
        if (!d.isBoolean()) {
            throw badRequest("donations_enabled must be true or false");
        }
        return d.asBoolean();
    }

    /** Absent: unchanged; null or blank: removed (shown on the donation widget and page, so it can be unset). */
    private static String donationText(JsonNode root) {
        if (!root.has("donation_text")) {
            return null;
        }
        JsonNode t = root.get("donation_text");
        if (t.isNull()) {
            return StoreSettings.CLEAR;
        }
        if (!t.isString()) {
            throw badRequest("donation_text must be a string");
        }
        String text = t.asString().strip();
        if (!StoreSettings.validDonationText(text)) {
            throw badRequest("donation_text must be at most " + MAX_DONATION_TEXT + " characters");
        }
        return text;
    }
}
