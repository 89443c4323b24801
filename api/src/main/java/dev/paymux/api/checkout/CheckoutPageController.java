package dev.paymux.api.checkout;

import dev.paymux.api.chain.ChainProperties;
import dev.paymux.api.payment.Money;
import dev.paymux.api.payment.PaymentViews;
import dev.paymux.core.checkout.CustomerView;
import dev.paymux.core.checkout.WalletUris;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.DerivedAddresses;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.PaymentKind;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreBranding;
import dev.paymux.core.store.StoreBrandings;
import dev.paymux.core.store.Stores;
import dev.paymux.dashboard.web.QrCode;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The customer's checkout page behind a native payment's {@code payment_url}, {@code /pay/{id}}: what
 * to send where, a QR code for the wallet, the time left and the status, updated live by server-sent
 * events (polling when those fail, a refreshing page without JavaScript). A payment at a provider sends
 * the customer on to the provider's page and a selecting one to the currency choice, so the Paymux URL
 * always works. Public: the payment id, a random UUID, is the credential, as on the selection page.
 */
@Controller
@Hidden
class CheckoutPageController {

    /** Each language's own name, for the switcher. */
    static final Map<String, String> LANGUAGES = new LinkedHashMap<>();

    static {
        LANGUAGES.put("en", "English");
        LANGUAGES.put("ru", "Русский");
        LANGUAGES.put("zh", "中文");
        LANGUAGES.put("es", "Español");
        LANGUAGES.put("de", "Deutsch");
        LANGUAGES.put("fr", "Français");
        LANGUAGES.put("pt", "Português");
        LANGUAGES.put("ja", "日本語");
    }

    private final Payments payments;
    private final Stores stores;
    private final DerivedAddresses derived;
    private final PaymentViews views;
    private final ChainProperties chains;
    private final WalletUris uris;
    private final StatusFeed feed;
    private final StoreBrandings brandings;
    private final Embedding embedding;
    private final Clock clock;

    CheckoutPageController(Payments payments, Stores stores, DerivedAddresses derived, PaymentViews views,
            ChainProperties chains, WalletUris uris, StatusFeed feed, StoreBrandings brandings, Embedding embedding,
            Clock clock) {
        this.brandings = brandings;
        this.embedding = embedding;
        this.payments = payments;
        this.stores = stores;
        this.derived = derived;
        this.views = views;
        this.chains = chains;
        this.uris = uris;
        this.feed = feed;
        this.clock = clock;
    }

    /**
     * The page; with {@code embed=1&origin=…} it is the payment widget's frame on the merchant's site at
     * {@code origin}, and reports the payment's status to that page when the store allows the origin.
     */
    @GetMapping("/pay/{paymentId}")
    ModelAndView page(@PathVariable String paymentId, @RequestParam(required = false) String embed,
            @RequestParam(required = false) String origin, Locale locale, HttpServletResponse response) {
        privateHeaders(response);
        Optional<Payment> found = find(paymentId);
        if (found.isEmpty()) {
            return notFound(locale);
        }
        Payment payment = found.get();
        Store store = stores.findById(payment.storeId()).orElse(null);
        if (store == null) {
            return notFound(locale);
        }
        boolean donation = payment.kind() == PaymentKind.DONATION;
        response.setHeader("Content-Security-Policy", embedding.contentSecurityPolicy(store, donation));
        String parent = embedding.parentOrigin(store, embed, origin).orElse(null);
        String url = views.paymentUrl(payment);
        if (!url.endsWith("/pay/" + payment.id())) {
            // At a provider, or still choosing its currency: the customer pays there. The choice is
            // ours, on this host, and stays in the widget's frame.
            int selection = url.indexOf("/pay/select?");
            RedirectView redirect = new RedirectView(selection < 0 || parent == null ? url
                    : Embedding.carry(url.substring(selection), parent));
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        }
        ModelAndView page = new ModelAndView("pay/checkout");
        page.addObject("lang", locale.getLanguage());
        page.addObject("languages", LANGUAGES);
        page.addObject("languageLinks", languageLinks(payment, parent));
        page.addObject("parentOrigin", parent);
        page.addObject("paymentId", payment.id().toString());
        page.addObject("storeName", store.name());
        StoreBranding branding = brandings.find(store.id());
        // Validated as #rrggbb when set, so it is safe inside a style attribute.
        page.addObject("accent", branding.accentColor());
        page.addObject("logoUrl", branding.hasLogo() ? "/pay/logos/" + store.id() : null);
        page.addObject("returnUrl", branding.returnUrl());
        // A donation shows what its donor chose to say (as text, like everything the customer typed).
        page.addObject("donation", donation);
        page.addObject("donorName", donation ? payment.donor().name() : null);
        page.addObject("donorMessage", donation ? payment.donor().message() : null);
        page.addObject("version", payment.version());
        page.addObject("status", payment.status().wire());
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), payment.expiresAt()).getSeconds());
        page.addObject("secondsLeft", secondsLeft);
        page.addObject("timeLeft", String.format(Locale.ROOT, "%d:%02d", secondsLeft / 60, secondsLeft % 60));
        page.addObject("expiresAt", payment.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        if (payment.asset() == null) {
            // No currency was ever chosen (e.g. the choice expired): only the state is shown.
            page.addObject("view", null);
            page.addObject("settled", payment.status().isFinal() || payment.status() == PaymentStatus.EXPIRED);
            return page;
        }
        CustomerView v = CustomerView.of(payment, store,
                payment.slot() != null && derived.isDerived(payment.slot().addressId()), chains.policy(), uris);
        Asset asset = v.asset();
        String ticker = asset.ticker().toUpperCase(Locale.ROOT);
        page.addObject("view", v);
        page.addObject("settled", v.settled());
        page.addObject("ticker", ticker);
        page.addObject("network", "asset." + asset.name());
        page.addObject("due", Money.displayString(asset, v.due()));
        page.addObject("requested", money(asset, v.requested(), ticker));
        page.addObject("toSendWithTicker", money(asset, v.toSend(), ticker));
        page.addObject("received", money(asset, v.received(), ticker));
        page.addObject("missing", money(asset, v.missing(), ticker));
        page.addObject("extra", money(asset, v.extra(), ticker));
        page.addObject("qr", v.walletUri() == null ? null : QrCode.of(v.walletUri()));
        page.addObject("qrIsUri", v.walletUri() != null && !v.walletUri().equals(v.address()));
        return page;
    }

    /** What the page's script polls when server-sent events are unavailable. */
    @GetMapping(value = "/pay/{paymentId}/status", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    ResponseEntity<Map<String, Object>> status(@PathVariable String paymentId) {
        Optional<Payment> found = find(paymentId);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).cacheControl(CacheControl.noStore())
                    .body(Map.of("success", false, "error", "payment not found"));
        }
        Payment p = found.get();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("payment_id", p.id().toString());
        data.put("order_id", p.snapshot().orderId());
        data.put("status", p.status().wire());
        data.put("version", p.version());
        data.put("confirmations", p.snapshot().confirmations());
        data.put("amount_received", p.asset() == null ? null : Money.displayString(p.asset(), p.amountReceived()));
        data.put("amount", p.asset() == null ? null : Money.displayString(p.asset(), p.snapshot().amountWithCents() != null
                ? p.snapshot().amountWithCents() : p.snapshot().amountRequested()));
        data.put("currency", p.asset() == null ? null : p.asset().name());
        data.put("tx_hash", p.snapshot().txHash());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(Map.of("success", true, "data", data));
    }

    /** A {@code change} event each time the payment changes after {@code version}. */
    @GetMapping(value = "/pay/{paymentId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<SseEmitter> events(@PathVariable String paymentId, @RequestParam(defaultValue = "-1") long version) {
        Optional<Payment> found = find(paymentId);
        if (found.isEmpty()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).build();
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .header("X-Accel-Buffering", "no")
                .body(feed.watch(found.get().id(), version));
    }

    /** The page's link in each language, keeping the widget's frame when framed. */
    private static Map<String, String> languageLinks(Payment payment, String parent) {
        Map<String, String> links = new LinkedHashMap<>();
        LANGUAGES.keySet().forEach(code -> links.put(code, Embedding.carry("/pay/" + payment.id() + "?lang=" + code, parent)));
        return links;
    }

    private Optional<Payment> find(String id) {
        return PaymentId.parse(id).flatMap(payments::find);
    }

    private ModelAndView notFound(Locale locale) {
        ModelAndView page = new ModelAndView("pay/checkout-missing");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("lang", locale.getLanguage());
        return page;
    }

    private static String money(Asset asset, BigDecimal amount, String ticker) {
        return amount == null ? null : Money.displayString(asset, amount) + " " + ticker;
    }

    /** The page shows a live amount and address: never cached, never sent on as a Referer. */
    private static void privateHeaders(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }
}
