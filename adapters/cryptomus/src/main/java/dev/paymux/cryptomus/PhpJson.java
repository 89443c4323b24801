package dev.paymux.cryptomus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON the way PHP's {@code json_encode} writes it, and a reader that keeps what PHP's
 * {@code json_decode($json, true)} keeps (member order; a repeated key keeps its first position and its
 * last value) plus where each top-level member sits in the raw text.
 *
 * <p>Cryptomus signs {@code base64(json_encode(...))}, so a signature only matches when every byte
 * matches: compact output, {@code /} written as {@code \/}, PHP's number formatting, and non-ASCII either
 * as {@code \u00e9} escapes (the default) or as raw UTF-8 ({@code JSON_UNESCAPED_UNICODE}).
 */
final class PhpJson {

    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");
    private static final Pattern PHP_INT_KEY = Pattern.compile("0|-?[1-9][0-9]{0,18}");
    private static final int MAX_DEPTH = 64;

    private PhpJson() {
    }

    /** A JSON number exactly as it was written. */
    record RawNumber(String text) {
    }

    /** A top-level member's key and where it sits: from its key's opening quote to the end of its value. */
    record Span(String key, int start, int end) {
    }

    /** A parsed document: the value (objects are {@link LinkedHashMap}s) and, for an object, its members' spans. */
    record Document(Object value, String text, List<Span> members) {
    }

    /** How {@link #encode} writes non-ASCII text and objects. */
    enum Flavour {
        /** {@code json_encode($data)} of a PHP associative array built by the caller (our requests). */
        REQUEST(true, false),
        /** {@code json_encode(json_decode($json, true), JSON_UNESCAPED_UNICODE)} (Cryptomus's callback signature). */
        DECODED_UNESCAPED_UNICODE(false, true);

        final boolean escapeUnicode;
        final boolean phpArrays;

        Flavour(boolean escapeUnicode, boolean phpArrays) {
            this.escapeUnicode = escapeUnicode;
            this.phpArrays = phpArrays;
        }
    }

    // ---- writing ----

    static byte[] encodeBytes(Object value, Flavour flavour) {
        return encode(value, flavour).getBytes(StandardCharsets.UTF_8);
    }

    static String encode(Object value, Flavour flavour) {
        StringBuilder out = new StringBuilder();
        write(out, value, flavour);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, Flavour flavour) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (value instanceof String s) {
            writeString(out, s, flavour.escapeUnicode);
        } else if (value instanceof RawNumber n) {
            out.append(flavour.phpArrays ? phpNumber(n.text()) : n.text());
        } else if (value instanceof BigDecimal d) {
            out.append(d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString());
        } else if (value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            writeMap(out, map, flavour);
        } else if (value instanceof List<?> list) {
            writeList(out, list, flavour);
        } else {
            throw new IllegalArgumentException("cannot encode " + value.getClass().getSimpleName());
        }
    }

    private static void writeMap(StringBuilder out, Map<?, ?> map, Flavour flavour) {
        // A decoded object is a PHP array: empty, or keyed 0..n-1, it is written back as a list.
        if (flavour.phpArrays && isPhpList(map)) {
            writeList(out, new ArrayList<>(map.values()), flavour);
            return;
        }
        out.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            writeString(out, String.valueOf(e.getKey()), flavour.escapeUnicode);
            out.append(':');
            write(out, e.getValue(), flavour);
        }
        out.append('}');
    }

    private static void writeList(StringBuilder out, List<?> list, Flavour flavour) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(out, list.get(i), flavour);
        }
        out.append(']');
    }

    private static boolean isPhpList(Map<?, ?> map) {
        long expected = 0;
        for (Object key : map.keySet()) {
            String k = String.valueOf(key);
            if (!PHP_INT_KEY.matcher(k).matches() || !k.equals(Long.toString(expected))) {
                return false;
            }
            expected++;
        }
        return true;
    }

    /** PHP's {@code php_json_escape_string}: lower-case hex, {@code \/}, and U+2028/9 escaped even when unescaped. */
    static void writeString(StringBuilder out, String s, boolean escapeUnicode) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '/' -> out.append("\\/");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || (c >= 0x80 && escapeUnicode) || c == '\u2028' || c == '\u2029') {
                        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A decoded number written back the way PHP does (integers as they are, floats as {@code php_gcvt} with precision 17). */
    static String phpNumber(String text) {
        if (INTEGER.matcher(text).matches()) {
            try {
                return Long.toString(Long.parseLong(text));
            } catch (NumberFormatException overflow) {
                // Beyond PHP_INT_MAX json_decode gives a float.
            }
        }
        double d = Double.parseDouble(text);
        if (Double.isInfinite(d) || Double.isNaN(d)) {
            return text;
        }
        return phpDouble(d);
    }

    static String phpDouble(double d) {
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int decpt = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(d < 0 ? "-" : "");
        if (decpt < 0 ? decpt < -3 : decpt > 17) {
            int exp = decpt - 1;
            out.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0")
                    .append('e').append(exp < 0 ? '-' : '+').append(Math.abs(exp));
        } else if (decpt <= 0) {
            out.append("0.").append("0".repeat(-decpt)).append(digits);
        } else if (decpt >= digits.length()) {
            out.append(digits).append("0".repeat(decpt - digits.length()));
        } else {
            out.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
        }
        return out.toString();
    }

    /**
     * The text with one top-level member removed byte for byte, nothing else touched: from the end of the
     * member before it (so its comma goes too), or, for the first member, up to the next member's key.
     */
    static String withoutMember(Document doc, String key) {
        List<Span> members = doc.members();
        for (int i = 0; i < members.size(); i++) {
            if (!members.get(i).key().equals(key)) {
                continue;
            }
            int from;
            int to;
            if (i > 0) {
                from = members.get(i - 1).end();
                to = members.get(i).end();
            } else if (members.size() > 1) {
                from = members.get(0).start();
                to = members.get(1).start();
            } else {
                from = members.get(0).start();
                to = members.get(0).end();
            }
            return doc.text().substring(0, from) + doc.text().substring(to);
        }
        return doc.text();
    }

    // ---- reading ----

    /** Parses strict JSON (RFC 8259). Throws {@link IllegalArgumentException} for anything else. */
    static Document parse(String text) {
        Reader r = new Reader(text);
        r.skipWs();
        List<Span> spans = new ArrayList<>();
        Object value = r.value(0, spans);
        r.skipWs();
        if (r.pos != text.length()) {
            throw r.error("trailing characters");
        }
        return new Document(value, text, List.copyOf(spans));
    }

    /** Counts how often {@code key} occurs among the top-level members (a repeated {@code sign} is refused). */
    static long count(Document doc, String key) {
        return doc.members().stream().filter(s -> s.key().equals(key)).count();
    }

    private static final class Reader {
        private final String s;
        private int pos;

        Reader(String s) {
            this.s = s;
        }

        Object value(int depth, List<Span> topLevel) {
            if (depth > MAX_DEPTH) {
                throw error("nested too deeply");
            }
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object(depth, topLevel);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth, List<Span> topLevel) {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipWs();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipWs();
                int start = pos;
                if (peek() != '"') {
                    throw error("expected a key");
                }
                String key = string();
                skipWs();
                expect(':');
                skipWs();
                Object v = value(depth + 1, null);
                if (depth == 0 && topLevel != null) {
                    topLevel.add(new Span(key, start, pos));
                }
                map.put(key, v);
                skipWs();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw error("expected , or }");
                }
            }
        }

        private List<Object> array(int depth) {
            List<Object> list = new ArrayList<>();
            pos++;
            skipWs();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipWs();
                list.add(value(depth + 1, null));
                skipWs();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw error("expected , or ]");
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return b.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    b.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> b.append(e);
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'n' -> b.append('\n');
                    case 'r' -> b.append('\r');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw error("short \\u escape");
                        }
                        try {
                            b.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException ex) {
                            throw error("bad \\u escape");
                        }
                        pos += 4;
                    }
                    default -> throw error("bad escape");
                }
            }
        }

        private RawNumber number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            if (peek() == '0') {
                pos++;
            } else if (isDigit(peek())) {
                digits();
            } else {
                throw error("unexpected character");
            }
            if (peek() == '.') {
                pos++;
                if (!isDigit(peek())) {
                    throw error("bad fraction");
                }
                digits();
            }
            if (peek() == 'e' || peek() == 'E') {
                pos++;
                if (peek() == '+' || peek() == '-') {
                    pos++;
                }
                if (!isDigit(peek())) {
                    throw error("bad exponent");
                }
                digits();
            }
            return new RawNumber(s.substring(start, pos));
        }

        private void digits() {
            while (isDigit(peek())) {
                pos++;
            }
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw error("unexpected literal");
            }
            pos += word.length();
            return value;
        }

        void skipWs() {
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        private char next() {
            if (pos >= s.length()) {
                throw error("unexpected end");
            }
            return s.charAt(pos++);
        }

        private void expect(char c) {
            if (next() != c) {
                throw error("expected " + c);
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos);
        }
    }
}
