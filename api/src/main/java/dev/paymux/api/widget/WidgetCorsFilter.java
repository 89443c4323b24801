package dev.paymux.api.widget;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the browser's CORS preflight for the widget endpoint: allowed, and cached ten minutes, for the
 * store's own origins only; anything else is a bare 403, so the browser never sends the request. The
 * request itself is checked again by {@link WidgetController}: a preflight is only a browser's courtesy.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class WidgetCorsFilter extends OncePerRequestFilter {

    private static final String PREFIX = "/widget/v1/stores/";
    private static final String SUFFIX = "/payments";

    private final WidgetAccess access;

    WidgetCorsFilter(WidgetAccess access) {
        this.access = access;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("OPTIONS".equals(request.getMethod()) && request.getRequestURI().startsWith(PREFIX));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Vary", "Origin");
        String uri = request.getRequestURI();
        String apiKey = uri.endsWith(SUFFIX) ? uri.substring(PREFIX.length(), uri.length() - SUFFIX.length()) : "";
        Optional<String> origin = apiKey.isEmpty() || apiKey.contains("/") ? Optional.empty()
                : access.store(apiKey).flatMap(store -> access.allowedOrigin(store, request.getHeader("Origin")));
        if (origin.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        WidgetController.allow(response, origin.get());
        response.setHeader("Access-Control-Allow-Methods", "POST");
        response.setHeader("Access-Control-Allow-Headers", "Content-Type");
        response.setHeader("Access-Control-Max-Age", "600");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
