package dev.paymux.api.auth;

import dev.paymux.api.web.ErrorWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads API request bodies once, up to {@code paymux.api.max-body-bytes}, so signatures are checked on
 * the exact bytes received and an oversized body is refused before anything parses it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyFilter extends OncePerRequestFilter {

    private final int maxBytes;
    private final ErrorWriter errors;

    RequestBodyFilter(@Value("${paymux.api.max-body-bytes:65536}") int maxBytes, ErrorWriter errors) {
        this.maxBytes = maxBytes;
        this.errors = errors;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        // The public donation API and provider callbacks take bodies too, so they get the same limit.
        return !(uri.startsWith("/api/") || uri.startsWith("/admin/") || uri.startsWith("/donate/")
                || uri.startsWith("/callbacks/") || uri.startsWith("/widget/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > maxBytes) {
            errors.write(response, HttpStatus.BAD_REQUEST, "request body too large (limit " + maxBytes + " bytes)");
            return;
        }
        byte[] body = request.getInputStream().readNBytes(maxBytes + 1);
        if (body.length > maxBytes) {
            errors.write(response, HttpStatus.BAD_REQUEST, "request body too large (limit " + maxBytes + " bytes)");
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }
}
