package dev.paymux.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.checkout.Offer;
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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every language has every string of the customer's pages (checkout, selection, donation), with the same placeholders. */
class CheckoutBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    static Set<String> languages() {
        Set<String> out = new TreeSet<>();
        CustomerLocales.SUPPORTED.stream().map(Locale::getLanguage).filter(l -> !l.equals("en")).forEach(out::add);
        return out;
    }

    /** Each bundle family of the customer's pages: the checkout's and the donation page's. */
    static Stream<Arguments> bundles() {
        return Stream.of("checkout", "donate").flatMap(b -> languages().stream().map(l -> Arguments.of(b, l)));
    }

    @ParameterizedTest
    @MethodSource("bundles")
    void eachBundleHasExactlyTheBaseKeysTranslatedWithTheSamePlaceholders(String bundle, String language)
            throws IOException {
        Properties base = load("i18n/" + bundle + ".properties");
        Properties other = load("i18n/" + bundle + "_" + language + ".properties");
        assertThat(other.stringPropertyNames()).as(language + " keys").isEqualTo(base.stringPropertyNames());
        for (String key : base.stringPropertyNames()) {
            String value = other.getProperty(key);
            assertThat(value).as(language + " " + key).isNotBlank();
            assertThat(placeholders(value)).as(language + " " + key + " placeholders")
                    .isEqualTo(placeholders(base.getProperty(key)));
            // An ASCII apostrophe means one thing in a message with arguments and another in one without.
            assertThat(value).as(language + " " + key).doesNotContain("'");
        }
        for (String key : base.stringPropertyNames()) {
            assertThat(base.getProperty(key)).as("en " + key).doesNotContain("'");
        }
    }

    @Test
    void theTwoBundlesShareNoKeyAndTheDonationKeysAreTheirOwn() throws IOException {
        Set<String> checkout = load("i18n/checkout.properties").stringPropertyNames();
        Set<String> donate = load("i18n/donate.properties").stringPropertyNames();
        assertThat(donate).allMatch(k -> k.startsWith("donate."));
        assertThat(checkout).noneMatch(k -> k.startsWith("donate."));
    }

    @Test
    void everyKeyTheDonationPagesUseIsInABase() throws IOException {
        Properties donate = load("i18n/donate.properties");
        Properties checkout = load("i18n/checkout.properties");
        Set<String> used = keysUsedIn("templates/pay/donate.html", "templates/pay/donate-missing.html");
        // The currency choices are named as on the checkout.
        for (Asset a : dev.paymux.core.payment.CreateDonation.ASSETS) {
            used.add("asset." + a.name());
        }
        assertThat(used).hasSizeGreaterThan(15);
        for (String key : used) {
            assertThat(key.startsWith("donate.") ? donate : checkout).as(key).containsKey(key);
        }
        // And the donor's lines on a donation's checkout.
        Set<String> checkoutUses = keysUsedIn("templates/pay/checkout.html");
        assertThat(checkoutUses).contains("donate.checkout.from", "donate.checkout.anonymous");
        checkoutUses.stream().filter(k -> k.startsWith("donate.")).forEach(k -> assertThat(donate).as(k).containsKey(k));
    }

    @Test
    void everyKeyThePageUsesIsInTheBase() throws IOException {
        Properties base = load("i18n/checkout.properties");
        Set<String> used = keysUsedIn("templates/pay/checkout.html", "templates/pay/checkout-missing.html");
        // The donor's lines come from the donation bundle (checked above).
        used.removeIf(k -> k.startsWith("donate."));
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

    @Test
    void everyKeyTheSelectionPageUsesIsInTheBase() throws IOException {
        Properties base = load("i18n/checkout.properties");
        Set<String> used = keysUsedIn("templates/pay/select.html");
        assertThat(used).contains("select.heading", "select.noneAvailable", "page.title");
        // Keys built from an asset name or from why an asset cannot be chosen.
        for (Asset a : Asset.values()) {
            used.add("asset." + a.name());
        }
        for (Offer.Unavailable u : Offer.Unavailable.values()) {
            used.add("select.unavailable." + u.code());
        }
        assertThat(base.stringPropertyNames()).containsAll(used);
    }

    private static Set<String> keysUsedIn(String... templates) throws IOException {
        Set<String> used = new TreeSet<>();
        for (String template : templates) {
            Matcher m = Pattern.compile("#\\{([a-zA-Z.]+)[(}]").matcher(Files.readString(
                    Path.of("src/main/resources", template)));
            while (m.find()) {
                used.add(m.group(1));
            }
        }
        return used;
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
