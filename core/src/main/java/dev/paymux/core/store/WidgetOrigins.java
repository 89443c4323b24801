package dev.paymux.core.store;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The web origins allowed to use a store's public payment widget: {@code scheme://host[:port]}, exactly
 * as a browser sends them in the {@code Origin} header. A store with none has widget payments turned off.
 */
public interface WidgetOrigins {

    /** At most this many origins per store. */
    int MAX_PER_STORE = 20;

    /** The store's allowed origins, sorted. */
    List<String> find(StoreId store);

    /** Whether {@code origin} (as a browser sent it) may use the store's widget. */
    boolean allows(StoreId store, String origin);

    /** Replaces the store's origins (each already {@link #normalize normalized}); an empty list turns the widget off. */
    void replace(StoreId store, List<String> origins, Instant now);

    /**
     * The canonical form of an origin a merchant enters: lower-case http(s) scheme and host, the port only
     * when it is not the scheme's default, no path, query, fragment or user info. Empty when it is not one.
     */
    static Optional<String> normalize(String text) {
        if (text == null || text.isBlank() || text.length() > 255) {
            return Optional.empty();
        }
        String s = text.strip();
        if (s.endsWith("/")) {
            s = s.substring(0, s.length() - 1);
        }
        URI uri;
        try {
            uri = new URI(s);
        } catch (Exception e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawUserInfo() != null
                || (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return Optional.empty();
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return Optional.of(scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port));
    }
}
