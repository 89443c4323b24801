package dev.paymux.api.web;

import static dev.paymux.api.web.ApiException.badRequest;

import jakarta.servlet.http.HttpServletRequest;

/** Who made an operator change, for the audit trails. */
public final class Actors {

    public static final String HEADER = "X-Paymux-Actor";

    private Actors() {
    }

    /** The {@value #HEADER} header (trimmed, at most 64 printable characters), else {@code operator}. */
    public static String of(HttpServletRequest request) {
        String h = request.getHeader(HEADER);
        if (h == null || h.isBlank()) {
            return "operator";
        }
        String a = h.trim();
        if (a.length() > 64 || a.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw badRequest(HEADER + " must be at most 64 printable characters");
        }
        return a;
    }
}
