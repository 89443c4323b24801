package dev.paymux.db;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a {@code postgres://user:pass@host:port/db} URL (the usual DATABASE_URL form) into JDBC terms. */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    // Parsed by hand: java.net.URI refuses host names with '_' (common for compose service names).
    private static final String USER = "((?:[^:@/\\s%]|%[0-9A-Fa-f]{2})*)";
    private static final String PASSWORD = "((?:[^@/\\s%]|%[0-9A-Fa-f]{2})*)";
    private static final Pattern FORM = Pattern.compile("(?i)(postgres|postgresql)://(?:" + USER
            + "(?::" + PASSWORD + ")?@)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._~-]+)(?::(\\d{1,5}))?/([^?#/\\s]+)(\\?[^#\\s]*)?");

    public static DatabaseUrl parse(String url) {
        if (url == null) {
            throw new IllegalArgumentException("DATABASE_URL is empty");
        }
        Matcher m = FORM.matcher(url.trim());
        if (!m.matches()) {
            String lower = url.trim().toLowerCase(Locale.ROOT);
            if (!lower.startsWith("postgres://") && !lower.startsWith("postgresql://")) {
                throw new IllegalArgumentException("DATABASE_URL must start with postgres:// or postgresql://");
            }
            throw new IllegalArgumentException(
                    "DATABASE_URL is not of the form postgres://user:pass@host:port/db (host and database name are required)");
        }
        String user = m.group(2) == null || m.group(2).isEmpty() ? null : decode(m.group(2));
        String pass = m.group(3) == null ? null : decode(m.group(3));
        int port = m.group(5) == null ? 5432 : Integer.parseInt(m.group(5));
        String jdbc = "jdbc:postgresql://" + m.group(4) + ":" + port + "/" + m.group(6)
                + (m.group(7) != null ? m.group(7) : "");
        return new DatabaseUrl(jdbc, user, pass);
    }

    /** Percent-decoding only: in a URL's user info '+' is a plus, not a space. */
    private static String decode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() + 1 && i + 2 <= s.length() - 1
                    && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
                out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                int cp = s.codePointAt(i);
                out.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(cp);
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + jdbcUrl + ", user=" + username + "]";
    }
}
