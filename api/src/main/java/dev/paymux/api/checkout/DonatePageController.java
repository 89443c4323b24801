package dev.paymux.api.checkout;

import dev.paymux.api.auth.CachedBodyRequest;
import dev.paymux.api.limits.PublicEndpointLimits;
import dev.paymux.api.payment.DonationParser;
import dev.paymux.api.web.ApiException;
import dev.paymux.core.checkout.Checkout;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Fiat;
import dev.paymux.core.payment.CreateDonation;
import dev.paymux.core.payment.Donor;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentException;
import dev.paymux.core.rates.RatesUnavailableException;
import dev.paymux.core.routing.ProviderUnavailableException;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreBranding;
import dev.paymux.core.store.StoreBrandings;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The donation page of a store, {@code /donate/{api_key}}: the store's name and text, preset amounts and
 * a custom one, the currencies the store takes donations in, and the donor's optional name and message.
 * Its script posts to {@code POST /donate/create}; without script the form posts here, goes through
 * the same parser and {@link Checkout#donate}, and is answered with a 303 to the checkout page. The
 * donation widget shows this page in a frame on the store's own site, so any site may frame it.
 * What the widget passes ({@code text}, {@code amounts}, {@code color}, {@code amount}) is checked
 * strictly and ignored when it is not what it should be.
 */
@Controller
@Hidden
class DonatePageController {

    private static final Logger log = LoggerFactory.getLogger(DonatePageController.class);

    /** Longer than any key this gateway issues; anything else is not a key worth looking up. */
    private static final Pattern API_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,200}");
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");
    /** A fiat amount as the page offers it: whole units up to a million, at most two decimals. */
    private static final Pattern AMOUNT = Pattern.compile("(0|[1-9]\\d{0,6})(\\.\\d{1,2})?");
    private static final int MAX_PRESETS = 6;
    private static final int MAX_TEXT = 500;
    static final List<String> DEFAULT_PRESETS = List.of("5", "10", "25");
    static final String CUSTOM = "custom";

    private final Stores stores;
    private final StoreBrandings brandings;
    private final Checkout checkout;
    private final DonationParser parser;
    private final JsonMapper json;
    private final MessageSource messages;
    private final PublicEndpointLimits limits;

    DonatePageController(Stores stores, StoreBrandings brandings, Checkout checkout, DonationParser parser,
            JsonMapper json, MessageSource messages, PublicEndpointLimits limits) {
        this.limits = limits;
        this.stores = stores;
        this.brandings = brandings;
        this.checkout = checkout;
        this.parser = parser;
        this.json = json;
        this.messages = messages;
    }

    /** What the widget (or a link) asked the page to look like; each part already checked, or null. */
    record Options(boolean embed, String text, List<String> presets, String color, String amount, String lang) {

        static Options of(String embed, String text, String amounts, String color, String amount, String lang) {
            Locale l = CustomerLocales.supported(lang);
            return new Options("1".equals(embed), DonatePageController.text(text), DonatePageController.presets(amounts),
                    DonatePageController.color(color), DonatePageController.amount(amount),
                    l == null ? null : l.getLanguage());
        }

        /** The query that keeps these options, for the form's action and the language links. */
        String query(String language) {
            StringBuilder q = new StringBuilder();
            if (embed) {
                add(q, "embed", "1");
            }
            add(q, "text", text);
            add(q, "amounts", presets == null ? null : String.join(",", presets));
            add(q, "color", color);
            add(q, "lang", language);
            return q.toString();
        }

        private static void add(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append(q.isEmpty() ? "?" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
    }

    /** Any key but {@code create}, which stays the API's ({@code GET /donate/create} is its 405). */
    private static final String PAGE = "/donate/{apiKey:(?!create$).+}";

    @GetMapping(PAGE)
    ModelAndView page(@PathVariable String apiKey, @RequestParam(required = false) String embed,
            @RequestParam(required = false) String text, @RequestParam(required = false) String amounts,
            @RequestParam(required = false) String color, @RequestParam(required = false) String amount,
            @RequestParam(required = false) String lang, Locale locale, HttpServletResponse response) {
        headers(response);
        Options options = Options.of(embed, text, amounts, color, amount, lang);
        Optional<Store> store = store(apiKey);
        if (store.isEmpty()) {
            return missing(locale, options);
        }
        Form form = new Form(options.amount(), null, null, null, null, null);
        return page(store.get(), options, form, locale, null, HttpStatus.OK);
    }

    /** The form without script: the same checks as {@code POST /donate/create}, then on to the checkout. */
    @PostMapping(PAGE)
    ModelAndView submit(@PathVariable String apiKey, @RequestParam(required = false) String embed,
            @RequestParam(required = false) String text, @RequestParam(required = false) String amounts,
            @RequestParam(required = false) String color, @RequestParam(required = false) String lang,
            Locale locale, HttpServletRequest request, HttpServletResponse response) throws IOException {
        headers(response);
        Options options = Options.of(embed, text, amounts, color, null, lang);
        Optional<Store> found = store(apiKey);
        if (found.isEmpty()) {
            return missing(locale, options);
        }
        Store store = found.get();
        Form form = Form.empty();
        try {
            form = Form.read(request);
            ObjectNode body = json.createObjectNode();
            body.put("api_key", store.apiKey());
            body.put("currency", form.currency());
            body.put("fiat_amount", form.chosenAmount());
            body.put("fiat_currency", form.fiat());
            body.put("donor_name", form.name());
            body.put("donor_message", form.message());
            DonationParser.DonationRequest parsed = parser.parse(body);
            limits.donation(store, request);
            Payment donation = checkout.donate(store, parsed.donation());
            RedirectView redirect = new RedirectView("/pay/" + donation.id()
                    + (options.lang() == null ? "" : "?lang=" + options.lang()));
            redirect.setStatusCode(HttpStatus.SEE_OTHER);
            redirect.setExposeModelAttributes(false);
            return new ModelAndView(redirect);
        } catch (ApiException e) {
            if (e.retryAfterSeconds() != null) {
                response.setHeader("Retry-After", e.retryAfterSeconds().toString());
            }
            return page(store, options, form, locale, detail(locale, e.getMessage()), e.status());
        } catch (PaymentException e) {
            HttpStatus status = switch (e.reason()) {
                case FORBIDDEN -> HttpStatus.FORBIDDEN;
                case CONFLICT -> HttpStatus.CONFLICT;
                case BUSY -> HttpStatus.TOO_MANY_REQUESTS;
                default -> HttpStatus.BAD_REQUEST;
            };
            if (status == HttpStatus.TOO_MANY_REQUESTS) {
                response.setHeader("Retry-After", "60");
            }
            return page(store, options, form, locale, detail(locale, e.getMessage()), status);
        } catch (RatesUnavailableException | ProviderUnavailableException e) {
            log.warn("A donation could not be set up on the donation page: {}", e.getMessage());
            return page(store, options, form, locale, message(locale, "donate.error.unavailable"),
                    HttpStatus.SERVICE_UNAVAILABLE);
        }
    }

    /** What the donor filled in, kept to show the form again after a refusal. */
    record Form(String preset, String custom, String fiat, String currency, String name, String message) {

        static Form empty() {
            return new Form(null, null, null, null, null, null);
        }

        /** The amount given: a custom amount when typed (with a decimal comma read as a point), else the preset. */
        String chosenAmount() {
            if (custom != null && !custom.isBlank()) {
                String c = custom.strip();
                return c.indexOf(',') == c.lastIndexOf(',') && c.indexOf('.') < 0 ? c.replace(',', '.') : c;
            }
            return preset == null || preset.isBlank() || CUSTOM.equals(preset) ? null : preset;
        }

        /** The body as {@code application/x-www-form-urlencoded} fields; the first of a repeated field counts. */
        static Form read(HttpServletRequest request) throws IOException {
            String type = request.getContentType();
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw ApiException.badRequest("send the form as application/x-www-form-urlencoded");
            }
            byte[] body = request instanceof CachedBodyRequest cached ? cached.body()
                    : request.getInputStream().readAllBytes();
            Map<String, String> fields = new LinkedHashMap<>();
            for (String pair : new String(body, StandardCharsets.ISO_8859_1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                try {
                    String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                    String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                    fields.putIfAbsent(name, value);
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("the form is not well-formed");
                }
            }
            return new Form(blank(fields.get("fiat_amount")), blank(fields.get("custom_amount")),
                    blank(fields.get("fiat_currency")), blank(fields.get("currency")),
                    blank(fields.get("donor_name")), blank(fields.get("donor_message")));
        }

        private static String blank(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }

    /** An asset the donor may choose. */
    record Choice(String code, String label, boolean checked) {
    }

    private ModelAndView page(Store store, Options options, Form form, Locale locale, String error, HttpStatus status) {
        List<Asset> assets = store.assets().stream().filter(CreateDonation.ASSETS::contains).toList();
        if (assets.isEmpty()) {
            return missing(locale, options);
        }
        List<String> presets = options.presets() == null ? DEFAULT_PRESETS : options.presets();
        // A typed amount wins; else the chosen preset; an amount the widget passed that is no preset is a custom one.
        String preset = null;
        String custom = null;
        if (form.custom() != null) {
            custom = form.custom();
        } else if (form.preset() != null && presets.contains(form.preset())) {
            preset = form.preset();
        } else if (form.preset() != null && !CUSTOM.equals(form.preset())) {
            custom = form.preset();
        } else if (form.preset() == null) {
            preset = presets.get(Math.min(1, presets.size() - 1));
        }
        String currency = form.currency() != null && assets.stream().anyMatch(a -> a.name().equals(form.currency()))
                ? form.currency() : assets.get(0).name();
        String fiat = Fiat.parse(form.fiat()).map(Fiat::name).orElse(Fiat.USD.name());

        ModelAndView page = new ModelAndView("pay/donate");
        page.setStatus(status);
        String lang = locale.getLanguage();
        page.addObject("lang", lang);
        page.addObject("languages", CheckoutPageController.LANGUAGES);
        Map<String, String> links = new LinkedHashMap<>();
        CheckoutPageController.LANGUAGES.keySet().forEach(l -> links.put(l,
                "/donate/" + URLEncoder.encode(store.apiKey(), StandardCharsets.UTF_8) + options.query(l)));
        page.addObject("languageLinks", links);
        page.addObject("apiKey", store.apiKey());
        page.addObject("action", "/donate/" + URLEncoder.encode(store.apiKey(), StandardCharsets.UTF_8)
                + options.query(options.lang()));
        page.addObject("storeName", store.name());
        page.addObject("text", options.text() != null ? options.text() : blankToNull(store.donationText()));
        StoreBranding branding = brandings.find(store.id());
        // Both validated as #rrggbb, so safe inside a style attribute.
        String accent = options.color() != null ? options.color() : branding.accentColor();
        page.addObject("accent", accent);
        page.addObject("accentText", accent == null ? null : textOn(accent));
        page.addObject("logoUrl", branding.hasLogo() ? "/pay/logos/" + store.id() : null);
        page.addObject("embed", options.embed());
        page.addObject("explicitLang", options.lang());
        page.addObject("presets", presets);
        page.addObject("preset", preset);
        page.addObject("custom", custom);
        page.addObject("fiats", Arrays.stream(Fiat.values()).map(Fiat::name).toList());
        page.addObject("fiat", fiat);
        List<Choice> choices = new ArrayList<>();
        for (Asset a : assets) {
            choices.add(new Choice(a.name(), "asset." + a.name(), a.name().equals(currency)));
        }
        page.addObject("choices", choices);
        page.addObject("donorName", form.name());
        page.addObject("donorMessage", form.message());
        page.addObject("maxName", Donor.MAX_NAME);
        page.addObject("maxMessage", Donor.MAX_MESSAGE);
        page.addObject("error", error);
        return page;
    }

    private Optional<Store> store(String apiKey) {
        if (apiKey == null || !API_KEY.matcher(apiKey).matches()) {
            return Optional.empty();
        }
        return stores.findCredentialsByApiKey(apiKey).flatMap(c -> stores.findById(c.storeId()))
                .filter(Store::donationsEnabled);
    }

    private ModelAndView missing(Locale locale, Options options) {
        ModelAndView page = new ModelAndView("pay/donate-missing");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("lang", locale.getLanguage());
        page.addObject("embed", options.embed());
        return page;
    }

    private String detail(Locale locale, String why) {
        String lead = message(locale, "donate.error.refused");
        if (why == null || why.isBlank()) {
            return lead;
        }
        // The API's own words (English, field names as sent), after the donor's language's sentence.
        return lead + " " + (why.endsWith(".") ? why : why + ".");
    }

    private String message(Locale locale, String key) {
        return messages.getMessage(key, null, key, locale);
    }

    /**
     * The page is shown in the widget's frame on any site: every site may frame it (nothing here
     * acts on the visitor's behalf; a donation is only made by its own form). Not cached, since it
     * carries what the donor typed after a refusal.
     */
    private static void headers(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", "frame-ancestors *");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    // ---- what the widget passes: checked, or ignored ----

    static String text(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.isEmpty() || t.codePointCount(0, t.length()) > MAX_TEXT || t.codePoints().anyMatch(Character::isISOControl)) {
            return null;
        }
        return t;
    }

    /** {@code 5,10,25}: one to six positive amounts, else the default. */
    static List<String> presets(String amounts) {
        if (amounts == null || amounts.isBlank() || amounts.length() > 100) {
            return null;
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String part : amounts.split(",", -1)) {
            String a = amount(part);
            if (a == null) {
                return null;
            }
            out.add(a);
        }
        return out.isEmpty() || out.size() > MAX_PRESETS ? null : List.copyOf(out);
    }

    static String amount(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (!AMOUNT.matcher(t).matches() || t.matches("0(\\.0*)?")) {
            return null;
        }
        return t;
    }

    static String color(String color) {
        return color != null && COLOR.matcher(color.strip()).matches() ? color.strip().toLowerCase(Locale.ROOT) : null;
    }

    /** Black or white, whichever reads better on the accent colour (WCAG contrast of relative luminance). */
    static String textOn(String rrggbb) {
        int rgb = Integer.parseInt(rrggbb.substring(1), 16);
        double l = 0.2126 * channel(rgb >> 16) + 0.7152 * channel(rgb >> 8) + 0.0722 * channel(rgb);
        return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? "#000000" : "#ffffff";
    }

    private static double channel(int value) {
        double c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
