package dev.paymux.api.payment;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.api.web.Times;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentKind;
import dev.paymux.core.payment.PaymentQuery;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Reads the list query; every bad value is a 400 that names the parameter. */
@Component
class PaymentListQueryParser {

    PaymentQuery parse(StoreId store, Map<String, String> q) {
        int page = integer(q, "page", 1, 1, 1_000_000);
        int perPage = integer(q, "per_page", 20, 1, 100);
        PaymentStatus status = q.get("status") == null ? null : PaymentStatus.parse(q.get("status"))
                .orElseThrow(() -> badRequest("unknown status '" + q.get("status") + "'"));
        Asset asset = q.get("currency") == null ? null : Asset.parse(q.get("currency"))
                .orElseThrow(() -> badRequest("unknown currency '" + q.get("currency") + "'"));
        Instant from = time(q, "date_from", false);
        Instant to = time(q, "date_to", true);
        if (from != null && to != null && from.isAfter(to)) {
            throw badRequest("date_from must not be after date_to");
        }
        PaymentKind kind = q.get("kind") == null ? null : PaymentKind.parse(q.get("kind"))
                .orElseThrow(() -> badRequest("kind must be payment or donation"));
        return new PaymentQuery(store, page, perPage, status, asset, from, to, kind);
    }

    private static int integer(Map<String, String> q, String name, int fallback, int min, int max) {
        String raw = q.get(name);
        if (raw == null) {
            return fallback;
        }
        if (!raw.matches("\\d{1,9}")) {
            throw badRequest(name + " must be an integer from " + min + " to " + max);
        }
        int value = Integer.parseInt(raw);
        if (value < min || value > max) {
            throw badRequest(name + " must be an integer from " + min + " to " + max);
        }
        return value;
    }

    /** A date means the start of that day (UTC); as an upper bound, the end of it. */
    private static Instant time(Map<String, String> q, String name, boolean upper) {
        String raw = q.get(name);
        if (raw == null) {
            return null;
        }
        return Times.parse(raw, upper).orElseThrow(() ->
                badRequest(name + " must be a date (2025-01-15) or a date-time (2025-01-15T12:00:00Z)"));
    }
}
