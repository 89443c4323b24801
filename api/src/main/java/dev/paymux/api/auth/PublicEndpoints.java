package dev.paymux.api.auth;

/** The {@code /api/v1} endpoints that need no signature: rates, and the customer's currency selection. */
final class PublicEndpoints {

    private PublicEndpoints() {
    }

    static boolean isPublic(String uri) {
        return uri.equals("/api/v1/rates") || uri.startsWith("/api/v1/selection/");
    }
}
