package dev.paymux.api.support;

import java.math.BigInteger;
import java.security.MessageDigest;

/** Base58check, enough to make valid TRON addresses for tests. */
final class Base58 {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private Base58() {
    }

    static String tronAddress(byte[] twentyBytes) {
        byte[] body = new byte[21];
        body[0] = 0x41;
        System.arraycopy(twentyBytes, 0, body, 1, 20);
        byte[] check = doubleSha(body);
        byte[] full = new byte[25];
        System.arraycopy(body, 0, full, 0, 21);
        System.arraycopy(check, 0, full, 21, 4);
        return encode(full);
    }

    private static byte[] doubleSha(byte[] b) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            return d.digest(d.digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(byte[] input) {
        BigInteger n = new BigInteger(1, input);
        StringBuilder sb = new StringBuilder();
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (byte b : input) {
            if (b != 0) {
                break;
            }
            sb.append('1');
        }
        return sb.reverse().toString();
    }
}
