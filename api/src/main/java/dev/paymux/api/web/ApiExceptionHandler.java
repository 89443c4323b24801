package dev.paymux.api.web;

import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.rates.RatesUnavailableException;
import dev.paymux.core.routing.ProviderUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every failure leaves the API in the seed's error format; nothing but a real fault is a 500. */
@RestControllerAdvice
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    static final String BUSY_RETRY_AFTER_SECONDS = "60";

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiResponse<Void>> api(ApiException e) {
        if (e.retryAfterSeconds() != null) {
            return ResponseEntity.status(e.status()).header("Retry-After", e.retryAfterSeconds().toString())
                    .body(ApiResponse.error(e.getMessage()));
        }
        return respond(e.status(), e.getMessage());
    }

    @ExceptionHandler(PaymentException.class)
    ResponseEntity<ApiResponse<Void>> payment(PaymentException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case BUSY -> HttpStatus.TOO_MANY_REQUESTS;
        };
        if (status == HttpStatus.TOO_MANY_REQUESTS) {
            // Unpaid donations expire with the store's lifetime; a minute is a fair first wait.
            return ResponseEntity.status(status).header("Retry-After", BUSY_RETRY_AFTER_SECONDS)
                    .body(ApiResponse.error(e.getMessage()));
        }
        return respond(status, e.getMessage());
    }

    @ExceptionHandler(RatesUnavailableException.class)
    ResponseEntity<ApiResponse<Void>> rates(RatesUnavailableException e) {
        return respond(HttpStatus.SERVICE_UNAVAILABLE, "exchange rates are unavailable: " + e.getMessage());
    }

    @ExceptionHandler(ProviderUnavailableException.class)
    ResponseEntity<ApiResponse<Void>> provider(ProviderUnavailableException e) {
        log.warn("No payment provider could take a payment: {}", e.detail());
        // Worth retrying soon: a circuit half-opens after its wait, a timeout may not repeat.
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5")
                .body(ApiResponse.error(e.getMessage()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiResponse<Void>> unreadable(HttpMessageNotReadableException e) {
        return respond(HttpStatus.BAD_REQUEST, "the request body is not valid JSON");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiResponse<Void>> missingParameter(MissingServletRequestParameterException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getParameterName() + " is required");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiResponse<Void>> typeMismatch(MethodArgumentTypeMismatchException e) {
        return respond(HttpStatus.BAD_REQUEST, e.getName() + " has an invalid value");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ApiResponse<Void>> noResource(NoResourceFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "not found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> method(HttpRequestMethodNotSupportedException e) {
        return respond(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiResponse<Void>> mediaType(HttpMediaTypeNotSupportedException e) {
        return respond(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send the body as application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiResponse<Void>> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("Database unavailable: {}", e.getMessage());
            return DatabaseUnavailable.response();
        }
        log.error("Unexpected error", e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    static ResponseEntity<ApiResponse<Void>> respond(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(ApiResponse.error(message));
    }
}
