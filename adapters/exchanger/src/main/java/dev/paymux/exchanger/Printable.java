package dev.paymux.exchanger;

/** Untrusted text made safe for a log line or an error message: printable characters only, bounded. */
final class Printable {

    private Printable() {
    }

    static String of(String text, int max) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max));
        for (int i = 0; i < text.length() && out.length() < max; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return text.length() > max ? out.append('…').toString() : out.toString();
    }
}
