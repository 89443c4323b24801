package dev.paymux.api.web;

import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The one rule for "the database cannot serve this request now" (pool exhausted, server down or
 * restarting): a fast 503 with {@code Retry-After}, so clients back off and retry instead of seeing a
 * 500. Used by the MVC exception handler and by the filter that guards the servlet filters before it.
 */
final class DatabaseUnavailable {

    static final String MESSAGE = "the service is temporarily unavailable, please retry";
    /** Seconds a client should wait before retrying. */
    static final String RETRY_AFTER = "2";

    private DatabaseUnavailable() {
    }

    static boolean isCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof SQLTransientConnectionException
                    || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    static ResponseEntity<ApiResponse<Void>> response() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", RETRY_AFTER)
                .body(ApiResponse.error(MESSAGE));
    }
}
