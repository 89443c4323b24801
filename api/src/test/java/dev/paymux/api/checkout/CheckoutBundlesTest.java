package dev.paymux.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every language has every string of the customer's pages, with the same placeholders. */
class CheckoutBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    static Set<String> languages() {
        Set<String> out = new TreeSet<>();
        CustomerLocales.SUPPORTED.stream().map(Locale::getLanguage).filter(l -> !l.equals("en")).forEach(out::add);
        return out;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void eachBundleHasExactlyTheBaseKeysTranslatedWithTheSamePlaceholders(String language) throws IOException {
        Properties base = load("i18n/checkout.properties");
        Properties other = load("i18n/checkout_" + language + ".properties");
        assertThat(other.stringPropertyNames()).as(language + " keys").isEqualTo(base.stringPropertyNames());
        for (String key : base.stringPropertyNames()) {
            String value = other.getProperty(key);
            assertThat(value).as(language + " " + key).isNotBlank();
            assertThat(placeholders(value)).as(language + " " + key + " placeholders")
                    .isEqualTo(placeholders(base.getProperty(key)));
            // An ASCII apostrophe means one thing in a message with arguments and another in one without.
            assertThat(value).as(language + " " + key).doesNotContain("'");
        }
    }

    @Test
    void everyKeyThePageUsesIsInTheBase() throws IOException {
        Properties base = load("i18n/checkout.properties");
        Set<String> used = new TreeSet<>();
        for (String template : new String[] {"templates/pay/checkout.html", "templates/pay/checkout-missing.html"}) {
            Matcher m = Pattern.compile("#\\{([a-zA-Z.]+)[(}]").matcher(Files.readString(
                    Path.of("src/main/resources", template)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        // Keys built from a state or an asset name.
        for (PaymentStatus s : PaymentStatus.values()) {
            if (s != PaymentStatus.SELECTING) {
                used.add("state." + s.wire() + ".title");
                used.add("state." + s.wire() + ".text");
            }
        }
        for (Asset a : Asset.values()) {
            used.add("asset." + a.name());
        }
        assertThat(used).hasSizeGreaterThan(20);
        assertThat(base.stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = CheckoutBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }

    private static Set<String> placeholders(String value) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(value);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
