package dev.paymux.core.store;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How a store's checkout looks: its accent colour ({@code #rrggbb}), whether it has a logo (the bytes are
 * read apart, see {@link StoreBrandings#logo}), and the URL of "back to the store".
 */
public record StoreBranding(StoreId store, String accentColor, String returnUrl, String logoType, Instant updatedAt) {

    private static final Pattern COLOR = Pattern.compile("#[0-9a-f]{6}");

    /** The largest logo a store may upload: a logo is small, and it is served with every checkout. */
    public static final int MAX_LOGO_BYTES = 64 * 1024;

    public static StoreBranding none(StoreId store) {
        return new StoreBranding(store, null, null, null, null);
    }

    public boolean hasLogo() {
        return logoType != null;
    }

    /** {@code #RGB} or {@code #RRGGBB} in lower case, or empty when {@code text} is not a colour. */
    /** A "back to the store" link: an http or https URL with a host and no user info, up to 2048 characters. */
    public static Optional<String> returnUrl(String text) {
        String t = text == null ? "" : text.strip();
        java.net.URI uri;
        try {
            uri = java.net.URI.create(t);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
        if (t.length() > 2048 || !(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null
                || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        return Optional.of(t);
    }

    public static Optional<String> color(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.matches("#[0-9a-f]{3}")) {
            t = "#" + t.charAt(1) + t.charAt(1) + t.charAt(2) + t.charAt(2) + t.charAt(3) + t.charAt(3);
        }
        return COLOR.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }

    /**
     * The image type of a logo judged by its first bytes (PNG, JPEG or WebP), or empty: the type a
     * client claims is not trusted, and SVG is refused, since an SVG opened on its own can run script.
     */
    public static Optional<String> imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return Optional.of("image/png");
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return Optional.of("image/jpeg");
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W' && b[9] == 'E'
                && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        return Optional.empty();
    }
}
