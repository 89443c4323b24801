package dev.paymux.core.text;

/**
 * Text a database can store exactly: no NUL (PostgreSQL text refuses it) and no lone UTF-16 surrogate
 * (it would be stored as "?", so two different inputs could become the same value).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code s} cannot be stored as it is, or null when it can. */
    public static String problem(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return "contains a NUL character";
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "is not valid Unicode (a lone surrogate)";
            }
        }
        return null;
    }

    public static boolean storable(String s) {
        return problem(s) == null;
    }

    /** {@code s} with every NUL and lone surrogate replaced by U+FFFD, for text kept only to be read. */
    public static String replacingInvalid(String s) {
        if (s == null || storable(s)) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(++i));
            } else if (c == '\u0000' || Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
