package dev.paymux.api.admin;

import dev.paymux.api.web.ErrorWriter;
import dev.paymux.core.store.OperatorTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The admin API ({@code /admin/v1/*}) and the actuator endpoints other than health take {@code Authorization: Bearer <operator token>}: the token set
 * in {@code paymux.admin.token}, or one issued by the gateway (stored only as its SHA-256).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class AdminAuthFilter extends OncePerRequestFilter {

    private final OperatorTokens tokens;
    private final String configuredToken;
    private final ErrorWriter errors;

    AdminAuthFilter(OperatorTokens tokens, @Value("${paymux.admin.token:}") String configuredToken, ErrorWriter errors) {
        this.tokens = tokens;
        this.configuredToken = configuredToken;
        this.errors = errors;
    }

    /** The admin API, and every actuator endpoint but health (metrics tell an outsider too much). */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        if (uri.startsWith("/admin/")) {
            return false;
        }
        boolean actuator = uri.equals("/actuator") || uri.startsWith("/actuator/");
        boolean health = uri.equals("/actuator/health") || uri.startsWith("/actuator/health/");
        return !actuator || health;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.startsWith("Bearer ") || header.length() <= 7) {
            errors.write(response, HttpStatus.UNAUTHORIZED, "missing operator token: send Authorization: Bearer <token>");
            return;
        }
        String token = header.substring(7).trim();
        boolean valid = (!configuredToken.isBlank() && MessageDigest.isEqual(
                configuredToken.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8)))
                || tokens.exists(Secrets.sha256(token));
        if (!valid) {
            errors.write(response, HttpStatus.FORBIDDEN, "invalid operator token");
            return;
        }
        chain.doFilter(request, response);
    }
}
