package dev.paymux.api.provider;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which provider settings are secrets, and their masking: any setting whose key contains {@code key},
 * {@code secret}, {@code password}, {@code token} or {@code sign} is shown as {@value #MASK}.
 */
final class Masking {

    static final String MASK = "***";

    private static final String[] SECRET_WORDS = {"key", "secret", "password", "token", "sign"};

    private Masking() {
    }

    static boolean isSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (String w : SECRET_WORDS) {
            if (k.contains(w)) {
                return true;
            }
        }
        return false;
    }

    static String mask(String key, String value) {
        return isSecret(key) ? MASK : value;
    }

    /** The settings with every secret masked, sorted by key. */
    static Map<String, String> masked(Map<String, String> settings) {
        Map<String, String> out = new TreeMap<>();
        settings.forEach((k, v) -> out.put(k, mask(k, v)));
        return out;
    }

    /** {@code message} with any secret value of {@code settings} in it replaced by the mask. */
    static String scrub(String message, Map<String, String> settings) {
        if (message == null) {
            return "the settings are not valid";
        }
        String out = message;
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String v = e.getValue();
            if (isSecret(e.getKey()) && v != null && v.length() >= 3) {
                out = out.replace(v, MASK);
            }
        }
        return out;
    }
}
