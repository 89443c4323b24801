package dev.paymux.testkit;

import dev.paymux.core.spi.ProviderSettings;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link ProviderSettings} from flat maps, for factory tests: the instance's keys (e.g. {@code api-key},
 * {@code circuit-breaker.minimum-calls}, {@code methods[0].currency}) and, like the application does with
 * {@code paymux.providers.defaults}, shared defaults a key falls back to when the instance has none.
 * Durations are written as the application takes them: {@code 500ms}, {@code 10s}, {@code 2m}, {@code 1h},
 * {@code 1d} or ISO-8601 ({@code PT10S}).
 */
public final class MapProviderSettings implements ProviderSettings {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(-?\\d+)(ns|us|ms|s|m|h|d)?");

    private final String path;
    private final String prefix;
    private final Map<String, String> values;
    private final Map<String, String> defaults;

    private MapProviderSettings(String path, String prefix, Map<String, String> values, Map<String, String> defaults) {
        this.path = path;
        this.prefix = prefix;
        this.values = Map.copyOf(values);
        this.defaults = defaults == null ? null : Map.copyOf(defaults);
    }

    /** The settings of instance {@code instance}, without shared defaults. */
    public static MapProviderSettings of(String instance, Map<String, String> values) {
        return new MapProviderSettings("paymux.providers.instances." + instance, "", values, Map.of());
    }

    /** The settings of instance {@code instance}, falling back to {@code defaults} key by key. */
    public static MapProviderSettings of(String instance, Map<String, String> values, Map<String, String> defaults) {
        return new MapProviderSettings("paymux.providers.instances." + instance, "", values, defaults);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> text(String key) {
        String own = values.get(prefix + key);
        if (own != null) {
            return Optional.of(own);
        }
        return defaults == null ? Optional.empty() : Optional.ofNullable(defaults.get(prefix + key));
    }

    @Override
    public Optional<Duration> duration(String key) {
        return text(key).map(v -> parse(v.trim()).orElseThrow(() ->
                new IllegalStateException(path + "." + key + " must be a duration such as 10s or 500ms")));
    }

    @Override
    public List<ProviderSettings> list(String key) {
        List<ProviderSettings> items = new ArrayList<>();
        for (int i = 0; ; i++) {
            String item = prefix + key + "[" + i + "]";
            if (values.keySet().stream().noneMatch(k -> k.startsWith(item + "."))) {
                return items;
            }
            items.add(new MapProviderSettings(path + "." + key + "[" + i + "]", item + ".", values, null));
        }
    }

    @Override
    public ProviderSettings sub(String key) {
        return new MapProviderSettings(path + "." + key, prefix + key + ".", values, defaults);
    }

    private static Optional<Duration> parse(String v) {
        Matcher m = SIMPLE_DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            return Optional.of(switch (unit) {
                case "ns" -> Duration.ofNanos(n);
                case "us" -> Duration.ofNanos(n * 1000);
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            });
        }
        try {
            return Optional.of(Duration.parse(v));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
