package dev.paymux.api.checkout;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of the customer's pages: {@code ?lang=} when it names one of the eight, else the best
 * of {@code Accept-Language}, else English. Registered as the application's {@code localeResolver}.
 */
@Component("localeResolver")
class CustomerLocales implements LocaleResolver {

    /** The languages with a bundle, in the order the page's switcher lists them. */
    static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"),
            Locale.forLanguageTag("zh"), Locale.forLanguageTag("es"), Locale.forLanguageTag("de"),
            Locale.forLanguageTag("fr"), Locale.forLanguageTag("pt"), Locale.forLanguageTag("ja"));

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale chosen = supported(request.getParameter("lang"));
        if (chosen != null) {
            return chosen;
        }
        String header = request.getHeader("Accept-Language");
        if (header != null && !header.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                    Locale l = supported(range.getRange());
                    if (l != null) {
                        return l;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is no preference.
            }
        }
        return Locale.ENGLISH;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language is chosen with ?lang=");
    }

    /** The supported language of a tag such as {@code pt-BR} or {@code zh-Hans-CN}, or null. */
    static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String language = Locale.forLanguageTag(tag.trim()).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
