package dev.paymux.dashboard.stores;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreDirectory.StoreSettings;
import dev.paymux.core.store.WidgetOrigins;
import dev.paymux.core.store.StoreBranding;
import dev.paymux.core.store.StoreBrandings;
import dev.paymux.core.settlement.Commissions;
import dev.paymux.core.routing.RoutingRules;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.dashboard.providers.RoutingSetup;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.signin.SignedInUser;
import dev.paymux.dashboard.signin.Visibility;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * Changing a store from its page: payment settings and donations, the webhook URL, a test event and the
 * webhook secret (shown once), and the origins allowed to use the payment widget. Each change is checked
 * by the same rules the APIs use; a refusal shows the page again with the reason and changes nothing.
 */
@Controller
class StoreSettingsController {

    private final Visibility visibility;
    private final StoreDirectory directory;
    private final WebhookSetup webhooks;
    private final WidgetOrigins origins;
    private final StorePage pages;
    private final StoreSetup setup;
    private final StoreBrandings brandings;
    private final Commissions commissions;
    private final StoreRoutings routings;
    private final RoutingSetup routingSetup;
    private final Transactions tx;
    private final Clock clock;

    StoreSettingsController(Visibility visibility, StoreDirectory directory, WebhookSetup webhooks,
            WidgetOrigins origins, StorePage pages, StoreSetup setup, StoreBrandings brandings, Commissions commissions,
            StoreRoutings routings, RoutingSetup routingSetup, Transactions tx, Clock clock) {
        this.commissions = commissions;
        this.routings = routings;
        this.routingSetup = routingSetup;
        this.setup = setup;
        this.brandings = brandings;
        this.visibility = visibility;
        this.directory = directory;
        this.webhooks = webhooks;
        this.origins = origins;
        this.pages = pages;
        this.tx = tx;
        this.clock = clock;
    }

    @PostMapping("/dashboard/stores/{id}/settings")
    ModelAndView settings(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(name = "assets", required = false) List<String> assets,
            @RequestParam(name = "lifetime_minutes", defaultValue = "") String lifetime,
            @RequestParam(name = "tolerance", defaultValue = "0") String tolerance,
            @RequestParam(name = "donations", defaultValue = "false") boolean donations,
            @RequestParam(name = "donation_text", defaultValue = "") String donationText) {
        Store store = visibility.store(me, id);
        List<Asset> accepted = new ArrayList<>();
        for (String a : assets == null ? List.<String>of() : assets) {
            Asset.parse(a).filter(x -> !accepted.contains(x)).ifPresent(accepted::add);
        }
        if (accepted.isEmpty()) {
            return pages.refused(me, store, "settings", "Choose at least one currency the store accepts.");
        }
        long seconds;
        try {
            seconds = Math.multiplyExact(Long.parseLong(lifetime.strip()), 60L);
        } catch (NumberFormatException | ArithmeticException e) {
            seconds = -1;
        }
        if (!StoreSettings.validLifetime(seconds)) {
            return pages.refused(me, store, "settings", "The payment lifetime must be from "
                    + StoreSettings.MIN_LIFETIME_SECONDS / 60 + " to " + StoreSettings.MAX_LIFETIME_SECONDS / 60 + " minutes.");
        }
        BigDecimal percent;
        try {
            percent = new BigDecimal(tolerance.strip());
        } catch (NumberFormatException e) {
            percent = BigDecimal.valueOf(-1);
        }
        if (!StoreSettings.validTolerance(percent)) {
            return pages.refused(me, store, "settings", "The underpaid tolerance must be from 0 to "
                    + StoreSettings.MAX_TOLERANCE_PERCENT + " % with at most 2 decimals.");
        }
        String text = donationText.strip();
        if (!StoreSettings.validDonationText(text)) {
            return pages.refused(me, store, "settings", "The donation text holds at most "
                    + StoreSettings.MAX_DONATION_TEXT + " characters.");
        }
        StoreSettings settings = new StoreSettings(accepted, null, (int) seconds, percent, null, donations,
                text.isEmpty() ? StoreSettings.CLEAR : text);
        tx.inTransaction(() -> {
            directory.updateSettings(store.id(), settings);
            return null;
        });
        return saved(store, "settings");
    }

    @PostMapping("/dashboard/stores/{id}/webhook")
    ModelAndView webhook(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "") String url) {
        Store store = visibility.store(me, id);
        String trimmed = url.strip();
        if (!trimmed.isEmpty()) {
            Optional<String> refusal = webhooks.refusal(trimmed);
            if (refusal.isPresent()) {
                return pages.refused(me, store, "webhook", "This webhook URL is not accepted: " + refusal.get() + ".");
            }
        }
        webhooks.setUrl(store.id(), trimmed.isEmpty() ? null : trimmed);
        return saved(store, "webhook");
    }

    @PostMapping("/dashboard/stores/{id}/webhook/test")
    ModelAndView test(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
        Store store = visibility.store(me, id);
        return webhooks.sendTest(store.id())
                .map(event -> new ModelAndView("redirect:/dashboard/stores/" + store.id() + "?saved=test&event=" + event))
                .orElseGet(() -> pages.refused(me, store, "webhook", "Set a webhook URL first."));
    }

    @PostMapping("/dashboard/stores/{id}/webhook/secret")
    ModelAndView rotate(@AuthenticationPrincipal SignedInUser me, @PathVariable String id, HttpServletResponse response) {
        Store store = visibility.store(me, id);
        WebhookSetup.Rotated rotated = webhooks.rotateSecret(store.id());
        response.setHeader("Cache-Control", "no-store");
        ModelAndView page = new ModelAndView("dashboard/webhook-secret");
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("store", store);
        page.addObject("secret", rotated.secret());
        page.addObject("previousValidUntil", rotated.previousValidUntil());
        return page;
    }

    @PostMapping("/dashboard/stores/{id}/widget")
    ModelAndView widget(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(name = "origins", defaultValue = "") String text) {
        Store store = visibility.store(me, id);
        TreeSet<String> normalized = new TreeSet<>();
        for (String line : text.split("[\\r\\n,]+")) {
            if (line.isBlank()) {
                continue;
            }
            Optional<String> origin = WidgetOrigins.normalize(line);
            if (origin.isEmpty()) {
                return pages.refused(me, store, "widget", "\"" + shorten(line.strip())
                        + "\" is not an origin such as https://shop.example (scheme, host and port only).");
            }
            normalized.add(origin.get());
        }
        if (normalized.size() > WidgetOrigins.MAX_PER_STORE) {
            return pages.refused(me, store, "widget", "At most " + WidgetOrigins.MAX_PER_STORE + " origins.");
        }
        tx.inTransaction(() -> {
            origins.replace(store.id(), List.copyOf(normalized), clock.instant());
            return null;
        });
        return saved(store, "widget");
    }

    /** Pool addresses for one asset, one per line (or separated by commas or spaces). */
    @PostMapping("/dashboard/stores/{id}/addresses")
    ModelAndView addresses(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "") String asset, @RequestParam(defaultValue = "") String addresses) {
        Store store = visibility.store(me, id);
        Optional<Asset> parsed = Asset.parse(asset).filter(store::accepts);
        if (parsed.isEmpty()) {
            return pages.refused(me, store, "addresses", "Choose one of the store's currencies.");
        }
        List<String> list = java.util.Arrays.stream(addresses.split("[\\s,]+")).filter(a -> !a.isBlank()).toList();
        if (list.isEmpty() || list.size() > 10_000) {
            return pages.refused(me, store, "addresses", "Give 1 to 10000 addresses.");
        }
        try {
            setup.importAddresses(store.id(), parsed.get(), list);
        } catch (IllegalArgumentException e) {
            return pages.refused(me, store, "addresses", e.getMessage() + ". Nothing was imported.");
        }
        return saved(store, "addresses");
    }

    @PostMapping("/dashboard/stores/{id}/xpubs")
    ModelAndView xpub(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "") String asset, @RequestParam(defaultValue = "") String xpub) {
        Store store = visibility.store(me, id);
        Optional<Asset> parsed = Asset.parse(asset);
        if (parsed.isEmpty() || xpub.isBlank() || xpub.length() > 200) {
            return pages.refused(me, store, "xpubs", "Choose a currency and give the extended public key.");
        }
        try {
            setup.setXpub(store.id(), parsed.get(), xpub.strip());
        } catch (IllegalArgumentException e) {
            return pages.refused(me, store, "xpubs", e.getMessage());
        }
        return saved(store, "xpubs");
    }

    /** The customer's pages' accent colour and "back to the store" link (empty removes each). */
    @PostMapping("/dashboard/stores/{id}/branding")
    ModelAndView branding(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "") String accent, @RequestParam(name = "return_url", defaultValue = "") String returnUrl) {
        Store store = visibility.store(me, id);
        Optional<String> color = accent.isBlank() ? Optional.empty() : StoreBranding.color(accent);
        if (!accent.isBlank() && color.isEmpty()) {
            return pages.refused(me, store, "branding", "The accent colour must be like #0a7d5a.");
        }
        Optional<String> link = returnUrl.isBlank() ? Optional.empty() : StoreBranding.returnUrl(returnUrl);
        if (!returnUrl.isBlank() && link.isEmpty()) {
            return pages.refused(me, store, "branding", "The return link must be an http or https URL with a host.");
        }
        tx.inTransaction(() -> {
            brandings.put(store.id(), color.orElse(null), link.orElse(null), clock.instant());
            return null;
        });
        return saved(store, "branding");
    }

    /** The operator's commission on what the store receives; operators only. */
    @PostMapping("/dashboard/stores/{id}/commission")
    ModelAndView commission(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "") String percent) {
        Store store = visibility.store(me, id);
        if (!me.operator()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "only operators set the commission");
        }
        BigDecimal rate;
        try {
            rate = new BigDecimal(percent.strip());
        } catch (NumberFormatException e) {
            rate = BigDecimal.valueOf(-1);
        }
        if (!Commissions.valid(rate)) {
            return pages.refused(me, store, "commission", "The commission must be from 0 to below 100 % with at most 4 decimals.");
        }
        BigDecimal chosen = rate;
        tx.inTransaction(() -> {
            commissions.setPercent(store.id(), chosen);
            return null;
        });
        return saved(store, "commission");
    }

    /** Routing by cost for the store; operators only. The weights set through the admin API are kept. */
    @PostMapping("/dashboard/stores/{id}/routing")
    ModelAndView routing(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String pinned,
            @RequestParam(name = "excluded", required = false) List<String> excluded,
            @RequestParam(name = "pass_fees", defaultValue = "false") boolean passFees) {
        Store store = visibility.store(me, id);
        if (!me.operator()) {
            throw new org.springframework.web.server.ResponseStatusException(org.springframework.http.HttpStatus.FORBIDDEN,
                    "only operators set routing");
        }
        java.util.Set<String> out = new java.util.TreeSet<>(excluded == null ? List.of() : excluded);
        String pin = pinned.isBlank() ? null : pinned.strip();
        if (pin != null && out.contains(pin)) {
            return pages.refused(me, store, "routing", "The pinned instance " + pin + " is also excluded.");
        }
        StoreRouting current = tx.inTransaction(() -> routings.find(store.id())).orElse(StoreRouting.off());
        try {
            routingSetup.save(store.id(), new StoreRouting(enabled, new RoutingRules(pin, out, current.rules().weights()),
                    passFees), "dashboard:" + me.email());
        } catch (IllegalArgumentException e) {
            return pages.refused(me, store, "routing", e.getMessage());
        }
        return saved(store, "routing");
    }

    private static ModelAndView saved(Store store, String what) {
        return new ModelAndView("redirect:/dashboard/stores/" + store.id() + "?saved=" + what);
    }

    private static String shorten(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
