package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A provider instance's settings held as a flat map, e.g. stored in the database, read by the same
 * {@link PaymentProviderFactory factories} as the application's configuration.
 *
 * <p>Keys are kebab case. Nesting is spelled as in Spring's relaxed binding: a dot for a nested key and
 * {@code [i]} for a list element, so the configuration {@code methods[0].fees.percent=2.5} is the key
 * {@code "methods[0].fees.percent"} with the value {@code "2.5"}. {@link #flatten} turns a nested
 * structure (maps, lists and scalars, as read from JSON) into such a map. Values are text; durations are
 * read as Spring Boot reads them ({@code 500ms}, {@code 10s}, {@code 2m}, {@code PT10S}; a bare number is
 * milliseconds).
 *
 * <p>Error messages name the setting, never its value (the value may be a secret).
 */
public final class MapSettings implements ProviderSettings {

    /** One key: kebab-case segments separated by dots, each optionally followed by {@code [i]} indices. */
    public static final Pattern KEY = Pattern.compile(
            "[a-z][a-z0-9-]{0,63}(\\[\\d{1,4}])*(\\.[a-z][a-z0-9-]{0,63}(\\[\\d{1,4}])*)*");

    private static final Pattern SIMPLE_DURATION = Pattern.compile("^([+-]?\\d+)([a-zA-Z]{0,2})$");

    private final String path;
    private final TreeMap<String, String> values;
    private final String prefix;

    /**
     * @param path    where the settings live, for messages (e.g. {@code provider-instances.cryptomus-eu})
     * @param values  flat keys (see the class comment) to values
     */
    public MapSettings(String path, Map<String, String> values) {
        this(path, new TreeMap<>(values), "");
    }

    private MapSettings(String path, TreeMap<String, String> values, String prefix) {
        this.path = path;
        this.values = values;
        this.prefix = prefix;
    }

    @Override
    public String path() {
        return prefix.isEmpty() ? path : path + "." + prefix.substring(0, prefix.length() - 1);
    }

    @Override
    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(prefix + key));
    }

    @Override
    public Optional<Duration> duration(String key) {
        return text(key).map(v -> {
            try {
                return parseDuration(v.trim());
            } catch (RuntimeException e) {
                throw new IllegalStateException(path() + "." + key + " must be a duration such as 10s or 500ms");
            }
        });
    }

    @Override
    public Optional<BigDecimal> decimal(String key) {
        return text(key).map(v -> {
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(path() + "." + key + " must be a decimal number");
            }
        });
    }

    @Override
    public Optional<Integer> integer(String key) {
        return text(key).map(v -> {
            try {
                return Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(path() + "." + key + " must be an integer");
            }
        });
    }

    @Override
    public List<ProviderSettings> list(String key) {
        List<ProviderSettings> items = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            String item = prefix + key + "[" + i + "]";
            if (!hasKeyUnder(item)) {
                break;
            }
            items.add(new MapSettings(path, values, item + "."));
        }
        return items;
    }

    @Override
    public ProviderSettings sub(String key) {
        return new MapSettings(path, values, prefix + key + ".");
    }

    /** Whether any key is {@code item} or lies below it ({@code item.x}, {@code item[0]}). */
    private boolean hasKeyUnder(String item) {
        for (String next = values.ceilingKey(item); next != null && next.startsWith(item);
                next = values.higherKey(next)) {
            if (next.length() == item.length() || next.charAt(item.length()) == '.'
                    || next.charAt(item.length()) == '[') {
                return true;
            }
        }
        return false;
    }

    /**
     * Flattens a nested structure (maps with string keys, lists, and scalars whose {@code toString()} is the
     * value) into flat keys. A key of a map may itself contain dots and indices.
     *
     * @throws IllegalArgumentException naming the key when a key is not kebab case or a value is null
     */
    public static Map<String, String> flatten(Map<String, ?> nested) {
        Map<String, String> out = new TreeMap<>();
        flatten("", nested, out);
        return out;
    }

    private static void flatten(String at, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                String k = String.valueOf(e.getKey());
                String key = at.isEmpty() ? k : at + "." + k;
                flatten(key, e.getValue(), out);
            }
        } else if (node instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                flatten(at + "[" + i + "]", list.get(i), out);
            }
        } else {
            if (!KEY.matcher(at).matches()) {
                throw new IllegalArgumentException("setting '" + at + "' is not a kebab-case key such as "
                        + "api-key or methods[0].currency");
            }
            if (node == null) {
                throw new IllegalArgumentException("setting '" + at + "' must have a value");
            }
            if (out.put(at, node.toString()) != null) {
                throw new IllegalArgumentException("setting '" + at + "' is given twice");
            }
        }
    }

    /** Spring Boot's simple duration style ({@code 10s}, {@code 500ms}, bare number = ms) or ISO-8601. */
    static Duration parseDuration(String v) {
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "", "ms" -> Duration.ofMillis(n);
                case "ns" -> Duration.ofNanos(n);
                case "us" -> Duration.ofNanos(Math.multiplyExact(n, 1000L));
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> throw new IllegalArgumentException("unknown unit");
            };
        }
        return Duration.parse(v);
    }

    @Override
    public String toString() {
        return "MapSettings[" + path() + ", " + values.size() + " keys]";
    }
}
