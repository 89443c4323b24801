package dev.paymux.dashboard.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.codec.binary.Base32;
import org.junit.jupiter.api.Test;

/** The one-time codes against RFC 6238's own test values (SHA-1, the last six of its eight digits). */
class TotpTest {

    private static final String RFC_SECRET = new Base32().encodeAsString(
            "12345678901234567890".getBytes(StandardCharsets.US_ASCII)).replace("=", "");

    @Test
    void theCodesAreThoseOfRfc6238() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890)))).isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(20000000000L)))).isEqualTo("353130");
    }

    @Test
    void aCodeIsAcceptedOneStepEitherSideAndNoFurther() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "12345", now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, null, now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, "abcdef", now)).isEmpty();
    }

    @Test
    void aNewSecretIsBase32OfTwentyBytesAndItsUriNamesTheAccount() {
        String secret = Totp.newSecret();
        assertThat(secret).matches("[A-Z2-7]{32}");
        assertThat(new Base32().decode(secret)).hasSize(20);
        assertThat(Totp.uri(secret, "ana@shop.example"))
                .isEqualTo("otpauth://totp/Paymux%3Aana%40shop.example?secret=" + secret
                        + "&issuer=Paymux&algorithm=SHA1&digits=6&period=30");
    }
}
