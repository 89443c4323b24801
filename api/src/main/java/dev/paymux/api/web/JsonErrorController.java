package dev.paymux.api.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reached a controller (rejected by the servlet container, thrown in a filter) still
 * answer in the seed's format, without details.
 */
@RestController
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ResponseEntity<ApiResponse<Void>> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.resolve(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String message = switch (status) {
            case NOT_FOUND -> "not found";
            case BAD_REQUEST -> "bad request";
            case METHOD_NOT_ALLOWED -> "method not allowed";
            default -> status.is4xxClientError() ? status.getReasonPhrase().toLowerCase() : "internal error";
        };
        return ResponseEntity.status(status).body(ApiResponse.error(message));
    }
}
