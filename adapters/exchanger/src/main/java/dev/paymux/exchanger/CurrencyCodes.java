package dev.paymux.exchanger;

import dev.paymux.core.money.Asset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table between Paymux's currency codes and the BestChange-style XML codes the exchanger
 * names its route ends with ({@code xml_from}, {@code xml_to}, a route's {@code from.xml}).
 *
 * <p>Paymux's codes are its assets ({@code USDT_TRC20}) and ISO fiat codes for card methods
 * ({@code RUB}). Several XML codes may stand for one Paymux fiat code (a generic card and a particular
 * bank's card both take roubles); the first listed is the one Paymux sends. A code the table does not
 * know is used as it is, upper-cased, so an operator can still configure a route on it.
 */
public final class CurrencyCodes {

    /** Paymux code -> preferred XML code. */
    private static final Map<String, String> TO_XML = new LinkedHashMap<>();
    /** XML code -> Paymux code (many to one). */
    private static final Map<String, String> FROM_XML = new LinkedHashMap<>();

    static {
        both(Asset.USDT_TRC20.name(), "USDTTRC20");
        both(Asset.USDT_ERC20.name(), "USDTERC20");
        both(Asset.BTC.name(), "BTC");
        both(Asset.ETH.name(), "ETH");
        // Card methods: BestChange's generic Visa/MasterCard codes per currency.
        both("RUB", "CARDRUB");
        both("UAH", "CARDUAH");
        both("KZT", "CARDKZT");
        both("USD", "CARDUSD");
        both("EUR", "CARDEUR");
        // Bank-specific rouble codes some exchangers route instead of the generic card.
        fromXmlOnly("SBERRUB", "RUB");
        fromXmlOnly("TCSBRUB", "RUB");
        fromXmlOnly("SBPRUB", "RUB");
    }

    private CurrencyCodes() {
    }

    private static void both(String paymux, String xml) {
        TO_XML.put(paymux, xml);
        FROM_XML.put(xml, paymux);
    }

    private static void fromXmlOnly(String xml, String paymux) {
        FROM_XML.put(xml, paymux);
    }

    /** The XML code Paymux sends for {@code paymuxCode}; an unknown code is returned upper-cased. */
    public static String toXml(String paymuxCode) {
        String upper = upper(paymuxCode);
        return TO_XML.getOrDefault(upper, upper);
    }

    /** The Paymux code of an XML code, if the table knows it. */
    public static Optional<String> fromXml(String xmlCode) {
        return Optional.ofNullable(FROM_XML.get(upper(xmlCode)));
    }

    /**
     * Either kind of code brought to Paymux's: {@code USDTTRC20} and {@code USDT_TRC20} both give
     * {@code USDT_TRC20}; an unknown code is returned upper-cased.
     */
    public static String normalise(String code) {
        String upper = upper(code);
        return FROM_XML.getOrDefault(upper, upper);
    }

    /** The table, Paymux code -> XML code, for documentation and the router. */
    public static Map<String, String> table() {
        return Map.copyOf(TO_XML);
    }

    /** The decimals amounts in {@code code} are priced with: the asset's display scale, else 2 (fiat). */
    static int scale(String code) {
        return Asset.parse(normalise(code)).map(Asset::displayScale).orElse(2);
    }

    private static String upper(String code) {
        return code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
    }
}
