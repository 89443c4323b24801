package dev.paymux.exchanger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The IPN hash as the document defines it:
 * {@code sha256(orderId:newStatus:inAmount:outAmount:xml_from:xml_to:timestamp:ipnSecret)}, lower-case
 * hex, over the field values exactly as they arrived (no number re-formatting).
 */
final class IpnSignature {

    /** The signed fields, in the order they are joined. */
    static final List<String> SIGNED_FIELDS =
            List.of("orderId", "newStatus", "inAmount", "outAmount", "xml_from", "xml_to", "timestamp");

    private IpnSignature() {
    }

    /** The string the hash is computed over; every signed field must be present. */
    static String stringToHash(Function<String, String> fields, String ipnSecret) {
        StringBuilder s = new StringBuilder();
        for (String name : SIGNED_FIELDS) {
            String value = fields.apply(name);
            if (value == null) {
                throw new IllegalArgumentException("missing " + name);
            }
            s.append(value).append(':');
        }
        return s.append(ipnSecret).toString();
    }

    static String hash(Function<String, String> fields, String ipnSecret) {
        return HexFormat.of().formatHex(sha256(stringToHash(fields, ipnSecret)));
    }

    /** Constant-time comparison of the presented hex with the expected one (hex case ignored). */
    static boolean verify(Function<String, String> fields, String ipnSecret, String presented) {
        if (presented == null) {
            return false;
        }
        byte[] expected = hash(fields, ipnSecret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = presented.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
