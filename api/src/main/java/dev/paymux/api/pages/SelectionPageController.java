package dev.paymux.api.pages;

import dev.paymux.api.checkout.Embedding;
import dev.paymux.api.selection.Selections;
import dev.paymux.core.checkout.Offer;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.routing.ProviderUnavailableException;
import dev.paymux.core.rates.RatesUnavailableException;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The hosted currency-selection page behind a selecting payment's {@code payment_url}
 * ({@code /pay/select?token=…}): what each asset would cost, one button per asset, and the choice as a
 * plain form POST answered with a 303 to where the customer pays. Public like the selection API: the
 * token is the credential. Failures render a small HTML page with the matching status, never JSON.
 */
@Controller
@Hidden
class SelectionPageController {

    private static final Logger log = LoggerFactory.getLogger(SelectionPageController.class);

    private final Selections selections;
    private final Embedding embedding;
    private final Clock clock;

    SelectionPageController(Selections selections, Embedding embedding, Clock clock) {
        this.selections = selections;
        this.embedding = embedding;
        this.clock = clock;
    }

    /**
     * One asset on the page; {@code network} and {@code reason} (null when the asset can be chosen) are
     * message keys, the asset's name as on the checkout and why it cannot be chosen now.
     */
    record Choice(String code, String ticker, String network, String amount, boolean available, String reason) {
    }

    /** The choice; with {@code embed=1&origin=…} in the payment widget's frame, kept on to the checkout. */
    @GetMapping("/pay/select")
    ModelAndView show(@RequestParam String token, @RequestParam(required = false) String embed,
            @RequestParam(required = false) String origin, Locale locale, HttpServletResponse response) {
        privateHeaders(response);
        Selections.View view = selections.view(token);
        Payment payment = view.payment();
        response.setHeader("Content-Security-Policy", embedding.contentSecurityPolicy(view.store(), false));
        String parent = embedding.parentOrigin(view.store(), embed, origin).orElse(null);
        Instant now = clock.instant();
        boolean neverChosen = payment.asset() == null;
        if (neverChosen && (payment.status() == PaymentStatus.EXPIRED
                || payment.status() == PaymentStatus.SELECTING && !payment.expiresAt().isAfter(now))) {
            throw new PaymentException(PaymentException.Reason.GONE, "the selection has expired");
        }
        if (view.chosen()) {
            // The token was used: the customer goes on to the payment the first choice made.
            return seeOther(inFrame(view, parent));
        }
        long secondsLeft = Math.max(0, Duration.between(now, payment.expiresAt()).getSeconds());
        List<Choice> choices = view.options().stream()
                .map(o -> new Choice(o.asset().name(), o.asset().ticker().toUpperCase(Locale.ROOT),
                        "asset." + o.asset().name(), o.amountText(), o.available(),
                        o.available() ? null : reasonKey(o.unavailable())))
                .toList();
        ModelAndView page = new ModelAndView("pay/select");
        page.addObject("lang", locale.getLanguage());
        page.addObject("token", token);
        page.addObject("parentOrigin", parent);
        page.addObject("storeName", view.store().name());
        page.addObject("price", price(payment.price()));
        page.addObject("choices", choices);
        page.addObject("anyAvailable", choices.stream().anyMatch(Choice::available));
        page.addObject("secondsLeft", secondsLeft);
        page.addObject("timeLeft", timeLeft(secondsLeft));
        page.addObject("expiresAt", payment.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return page;
    }

    @PostMapping("/pay/select")
    ModelAndView choose(@RequestParam String token, @RequestParam String currency,
            @RequestParam(required = false) String embed, @RequestParam(required = false) String origin,
            HttpServletResponse response) {
        privateHeaders(response);
        Asset asset = Asset.parse(currency).orElseThrow(() -> new PageException(HttpStatus.BAD_REQUEST,
                "Unknown currency", "The currency you picked is not one this payment can be made in.", token));
        Selections.View view = selections.choose(token, asset);
        if (view.paymentUrl() == null) {
            // Not expected (a choice always yields a payment); show the page again rather than fail.
            return seeOther("/pay/select?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        }
        return seeOther(inFrame(view, embedding.parentOrigin(view.store(), embed, origin).orElse(null)));
    }

    /** Where the customer pays; when framed by the widget, Paymux's own checkout on this host, still framed. */
    private static String inFrame(Selections.View view, String parent) {
        String checkout = "/pay/" + view.payment().id();
        return parent != null && view.paymentUrl().endsWith(checkout) ? Embedding.carry(checkout, parent) : view.paymentUrl();
    }

    // ---- errors: an HTML page with the right status ----

    /** A refusal with its page text; {@code token} (may be null) links back to the choice. */
    static final class PageException extends RuntimeException {

        private final HttpStatus status;
        private final String title;
        private final String token;

        PageException(HttpStatus status, String title, String message, String token) {
            super(message);
            this.status = status;
            this.title = title;
            this.token = token;
        }
    }

    @ExceptionHandler(PageException.class)
    ModelAndView page(PageException e, HttpServletResponse response) {
        return error(response, e.status, e.title, e.getMessage(), e.token);
    }

    @ExceptionHandler(PaymentException.class)
    ModelAndView payment(PaymentException e, HttpServletRequest request,
            HttpServletResponse response) {
        String token = request.getParameter("token");
        return switch (e.reason()) {
            case NOT_FOUND -> error(response, HttpStatus.NOT_FOUND, "Payment link not found",
                    "This payment link is not valid. Please go back to the shop and start the payment again.", null);
            case GONE -> error(response, HttpStatus.GONE, "This payment link has expired",
                    "The time to choose a currency is over. Please go back to the shop and start the payment again.",
                    null);
            case UNPROCESSABLE -> error(response, HttpStatus.UNPROCESSABLE_CONTENT, "This currency cannot be used",
                    sentence(e.getMessage()), token);
            case INVALID -> error(response, HttpStatus.BAD_REQUEST, "This currency cannot be used",
                    sentence(e.getMessage()), token);
            case FORBIDDEN -> error(response, HttpStatus.FORBIDDEN, "Not allowed", sentence(e.getMessage()), null);
            case CONFLICT -> error(response, HttpStatus.CONFLICT, "Please try again", sentence(e.getMessage()), token);
            case BUSY -> error(response, HttpStatus.TOO_MANY_REQUESTS, "Please try again later",
                    sentence(e.getMessage()), token);
        };
    }

    @ExceptionHandler(RatesUnavailableException.class)
    ModelAndView rates(RatesUnavailableException e, HttpServletRequest request,
            HttpServletResponse response) {
        String token = request.getParameter("token");
        return error(response, HttpStatus.SERVICE_UNAVAILABLE, "Exchange rates are unavailable",
                "We cannot price this currency right now. Please try again in a minute.", token);
    }

    @ExceptionHandler(ProviderUnavailableException.class)
    ModelAndView provider(ProviderUnavailableException e, HttpServletRequest request, HttpServletResponse response) {
        String token = request.getParameter("token");
        log.warn("No payment provider could take a payment on the selection page: {}", e.detail());
        return error(response, HttpStatus.SERVICE_UNAVAILABLE, "Payment provider unavailable",
                "The payment could not be set up right now. Please try again in a minute.", token);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ModelAndView missing(MissingServletRequestParameterException e, HttpServletResponse response) {
        return error(response, HttpStatus.BAD_REQUEST, "Incomplete payment link",
                "This page needs the full payment link (" + e.getParameterName() + " is missing).", null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletResponse response) {
        log.error("Unexpected error on the selection page", e);
        return error(response, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Please try again in a minute.", null);
    }

    private static ModelAndView error(HttpServletResponse response, HttpStatus status, String title, String message,
            String token) {
        privateHeaders(response);
        ModelAndView page = new ModelAndView("pay/error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("message", message);
        page.addObject("backUrl", token == null || token.isBlank() ? null
                : "/pay/select?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return page;
    }

    // ---- helpers ----

    private static ModelAndView seeOther(String url) {
        RedirectView redirect = new RedirectView(url);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExposeModelAttributes(false);
        return new ModelAndView(redirect);
    }

    /** The page carries a credential in its URL and a live amount: never cached, never sent on as a Referer. */
    private static void privateHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    private static String price(Payment.Price price) {
        BigDecimal amount = price.amount();
        if (price.kind() != Payment.Price.Kind.ASSET && amount.scale() < 2) {
            amount = amount.setScale(2);
        }
        return amount.toPlainString() + " " + price.currency();
    }

    /** The message key of why an asset cannot be chosen, e.g. {@code select.unavailable.no_address}. */
    static String reasonKey(Offer.Unavailable unavailable) {
        return "select.unavailable." + unavailable.code();
    }

    static String timeLeft(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "The payment could not be made in this currency.";
        }
        String s = Character.toUpperCase(message.charAt(0)) + message.substring(1);
        return s.endsWith(".") ? s : s + ".";
    }
}
