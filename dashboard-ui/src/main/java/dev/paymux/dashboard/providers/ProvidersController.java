package dev.paymux.dashboard.providers;

import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.dashboard.signin.SignedInUser;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/** Operators: the provider instances with their health, and each one's fee schedule, editable per currency. */
@Controller
class ProvidersController {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProviderConsole console;

    ProvidersController(ProviderConsole console) {
        this.console = console;
    }

    @GetMapping("/dashboard/operator/providers")
    ModelAndView list(@AuthenticationPrincipal SignedInUser me) {
        ModelAndView page = new ModelAndView("dashboard/providers");
        page.addObject("me", me);
        page.addObject("section", "providers");
        page.addObject("instances", console.instances());
        return page;
    }

    @GetMapping("/dashboard/operator/providers/{name}")
    ModelAndView instance(@AuthenticationPrincipal SignedInUser me, @PathVariable String name,
            @RequestParam(required = false) String saved) {
        return page(me, name, HttpStatus.OK, null, saved);
    }

    /** The operator's fees for one currency at the instance; the other currencies keep theirs. */
    @PostMapping("/dashboard/operator/providers/{name}/fees")
    ModelAndView setFees(@AuthenticationPrincipal SignedInUser me, @PathVariable String name,
            @RequestParam String currency, @RequestParam(defaultValue = "") String min,
            @RequestParam(defaultValue = "") String max, @RequestParam(defaultValue = "0") String percent,
            @RequestParam(defaultValue = "0") String fixed, @RequestParam(defaultValue = "0") String minimum,
            @RequestParam(name = "network_fee", defaultValue = "0") String networkFee,
            @RequestParam(name = "fx_spread_percent", defaultValue = "0") String fxSpread,
            @RequestParam(defaultValue = "false") boolean available) {
        PayMethod method;
        try {
            BigDecimal low = decimal("min", min, true);
            BigDecimal high = decimal("max", max, true);
            if (low != null && high != null && low.compareTo(high) > 0) {
                throw new IllegalArgumentException("min must not be above max");
            }
            method = new PayMethod(currency.strip(), low, high, new FeeSchedule(percentage("percent", percent),
                    decimal("fixed", fixed, false), decimal("minimum", minimum, false),
                    decimal("network fee", networkFee, false), percentage("FX spread", fxSpread)), available);
        } catch (IllegalArgumentException e) {
            return page(me, name, HttpStatus.BAD_REQUEST, e.getMessage(), null);
        }
        if (!console.setFees("dashboard:" + me.email(), name, method)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new ModelAndView("redirect:/dashboard/operator/providers/" + name + "?saved=" + method.currency());
    }

    private ModelAndView page(SignedInUser me, String name, HttpStatus status, String error, String saved) {
        List<ProviderConsole.Method> methods = console.fees(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        ModelAndView page = new ModelAndView("dashboard/provider");
        page.setStatus(status);
        page.addObject("me", me);
        page.addObject("section", "providers");
        page.addObject("name", name);
        page.addObject("instance", console.instances().stream().filter(i -> i.name().equals(name)).findFirst().orElse(null));
        page.addObject("methods", methods);
        page.addObject("error", error);
        page.addObject("saved", saved);
        return page;
    }

    private static BigDecimal percentage(String field, String text) {
        BigDecimal d = decimal(field, text, false);
        if (d.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException(field + " must be at most 100");
        }
        return d;
    }

    /** A non-negative decimal; blank is null where {@code optional}, else zero. */
    private static BigDecimal decimal(String field, String text, boolean optional) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return optional ? null : BigDecimal.ZERO;
        }
        if (t.length() > 40) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be a number");
        }
        if (d.signum() < 0) {
            throw new IllegalArgumentException(field + " must not be negative");
        }
        return d;
    }
}
