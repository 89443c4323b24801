package dev.paymux.dashboard.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** The dashboard's errors as its own HTML page with the right status (the APIs answer JSON). */
@ControllerAdvice(basePackages = "dev.paymux.dashboard")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

    private static final Logger log = LoggerFactory.getLogger(DashboardErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e, HttpServletResponse response) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return page(status, status == HttpStatus.NOT_FOUND ? "Not found" : status.getReasonPhrase(),
                status == HttpStatus.NOT_FOUND ? "There is nothing here, or nothing you may see." : e.getReason());
    }

    /** A form or link the page cannot read (a missing field, a word where a number goes): the user's 400. */
    @ExceptionHandler({ServletRequestBindingException.class, TypeMismatchException.class})
    ModelAndView unreadable(Exception e) {
        return page(HttpStatus.BAD_REQUEST, "This request cannot be read",
                "A field is missing or holds something it cannot. Go back and try again.");
    }

    /** Spring MVC's own refusals (a wrong method, say) keep their status. */
    @ExceptionHandler(ErrorResponseException.class)
    ModelAndView refused(ErrorResponseException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return page(status, status.getReasonPhrase(), "This page cannot answer this request.");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        if (e instanceof ErrorResponse known && known.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(known.getStatusCode().value());
            return page(status, status.getReasonPhrase(), "This page cannot answer this request.");
        }
        log.error("Unexpected error in the dashboard", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong", "Please try again in a minute.");
    }

    static ModelAndView page(HttpStatus status, String title, String message) {
        ModelAndView page = new ModelAndView("dashboard/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        return page;
    }
}
