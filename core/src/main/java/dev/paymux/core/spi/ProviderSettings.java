package dev.paymux.core.spi;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One provider instance's configuration, as keys below its prefix ({@code paymux.providers.instances.<name>}),
 * in kebab case. The application reads them from wherever its configuration lives.
 */
public interface ProviderSettings {

    /** Where these settings live, for error messages, e.g. {@code paymux.providers.instances.soprano-ru}. */
    String path();

    Optional<String> text(String key);

    Optional<Duration> duration(String key);

    /** The list under {@code key} ({@code key[0]}, {@code key[1]} ...), each element its own settings. */
    List<ProviderSettings> list(String key);

    default String required(String key) {
        return text(key).filter(v -> !v.isBlank())
                .orElseThrow(() -> new IllegalStateException(path() + "." + key + " is required"));
    }

    default Optional<BigDecimal> decimal(String key) {
        return text(key).map(v -> {
            try {
                return new BigDecimal(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(path() + "." + key + " must be a decimal number, not '" + v + "'");
            }
        });
    }

    default Optional<Integer> integer(String key) {
        return text(key).map(v -> {
            try {
                return Integer.valueOf(v.trim());
            } catch (NumberFormatException e) {
                throw new IllegalStateException(path() + "." + key + " must be an integer, not '" + v + "'");
            }
        });
    }

    /** A fee schedule under {@code key}: {@code percent}, {@code fixed}, {@code minimum}, {@code network-fee}, {@code fx-spread-percent}. */
    default FeeSchedule fees(String key) {
        ProviderSettings f = sub(key);
        return new FeeSchedule(f.decimal("percent").orElse(BigDecimal.ZERO), f.decimal("fixed").orElse(BigDecimal.ZERO),
                f.decimal("minimum").orElse(BigDecimal.ZERO), f.decimal("network-fee").orElse(BigDecimal.ZERO),
                f.decimal("fx-spread-percent").orElse(BigDecimal.ZERO));
    }

    /** The settings below {@code key}. */
    ProviderSettings sub(String key);

    /**
     * Pay methods under {@code key}: each with {@code currency}, {@code min}, {@code max} and {@code fees}
     * (see {@link #fees}), available unless {@code available: false}.
     */
    default List<PayMethod> payMethods(String key) {
        return list(key).stream().map(m -> new PayMethod(m.required("currency"), m.decimal("min").orElse(null),
                m.decimal("max").orElse(null), m.fees("fees"),
                m.text("available").map(Boolean::parseBoolean).orElse(true))).toList();
    }
}
