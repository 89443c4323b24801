package dev.paymux.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest extends ApiTest {

    private Merchant merchant;

    @BeforeEach
    void store() {
        merchant = newStore(List.of("USDT_TRC20"), 1);
    }

    @Test
    void seedSignatureExampleMatchesOpensslOutput() {
        // payload = "1700000000" + "POST" + "/api/v1/payment/create" + '{"amount":"100"}', as in the seed;
        // expected value computed with: echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac your_api_secret
        String signature = RequestSignature.sign("your_api_secret", "1700000000", "POST", "/api/v1/payment/create",
                "{\"amount\":\"100\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(signature).isEqualTo("a0fc1e317afb07540b05a9e23b11a9d61c401be66a51f26f3a6533077d1410f7");
    }

    @Test
    void signedRequestIsAccepted() {
        Http.Response r = merchant.get("/api/v1/merchant/balance");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("success").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Api-Key", "X-Timestamp", "X-Signature"})
    void eachMissingHeaderIs401(String missing) {
        Map<String, String> headers = signedHeaders("GET", "/api/v1/merchant/balance", "");
        headers.remove(missing);
        Http.Response r = http().send("GET", "/api/v1/merchant/balance", null, headers);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).contains("missing authentication");
    }

    @Test
    void staleOrFutureTimestampIs403() {
        for (long shift : new long[] {-301, 301}) {
            Map<String, String> headers = signedHeaders("GET", "/api/v1/merchant/balance", "", shift);
            Http.Response r = http().send("GET", "/api/v1/merchant/balance", null, headers);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.error()).contains("X-Timestamp");
        }
        Map<String, String> withinWindow = signedHeaders("GET", "/api/v1/merchant/balance", "", -299);
        assertThat(http().send("GET", "/api/v1/merchant/balance", null, withinWindow).status()).isEqualTo(200);
    }

    @Test
    void nonNumericTimestampIs403() {
        Map<String, String> headers = signedHeaders("GET", "/api/v1/merchant/balance", "");
        headers.put("X-Timestamp", "yesterday");
        assertThat(http().send("GET", "/api/v1/merchant/balance", null, headers).status()).isEqualTo(403);
    }

    @Test
    void unknownKeyAndBadSignatureAnswerTheSame403() {
        Map<String, String> unknownKey = signedHeaders("GET", "/api/v1/merchant/balance", "");
        unknownKey.put("X-Api-Key", "pk_doesnotexist");
        Http.Response a = http().send("GET", "/api/v1/merchant/balance", null, unknownKey);

        Map<String, String> badSignature = signedHeaders("GET", "/api/v1/merchant/balance", "");
        badSignature.put("X-Signature", "0".repeat(64));
        Http.Response b = http().send("GET", "/api/v1/merchant/balance", null, badSignature);

        assertThat(a.status()).isEqualTo(403);
        assertThat(b.status()).isEqualTo(403);
        assertThat(a.body()).isEqualTo(b.body());
    }

    @Test
    void signatureIsCheckedOnTheExactBodyBytes() {
        String signedBody = "{\"amount\":\"100.00\"}";
        Map<String, String> headers = signedHeaders("POST", "/api/v1/payment/create", signedBody);
        String sameJsonOtherBytes = "{\"amount\": \"100.00\"}";
        Http.Response r = http().send("POST", "/api/v1/payment/create",
                sameJsonOtherBytes.getBytes(StandardCharsets.UTF_8), headers);
        assertThat(r.status()).isEqualTo(403);
    }

    @Test
    void signatureWithOrWithoutQueryStringIsAccepted() {
        String path = "/api/v1/payments";
        Map<String, String> canonical = signedHeaders("GET", path, "");
        assertThat(http().send("GET", path + "?page=1&per_page=5", null, canonical).status()).isEqualTo(200);

        Map<String, String> withQuery = signedHeaders("GET", path + "?page=1&per_page=5", "");
        assertThat(http().send("GET", path + "?page=1&per_page=5", null, withQuery).status()).isEqualTo(200);

        Map<String, String> otherQuery = signedHeaders("GET", path + "?page=2", "");
        assertThat(http().send("GET", path + "?page=1", null, otherQuery).status()).isEqualTo(403);
    }

    @Test
    void methodIsPartOfTheSignature() {
        Map<String, String> signedAsPost = signedHeaders("POST", "/api/v1/merchant/balance", "");
        assertThat(http().send("GET", "/api/v1/merchant/balance", null, signedAsPost).status()).isEqualTo(403);
    }

    @Test
    void ratesNeedNoSignature() {
        Http.Response r = http().get("/api/v1/rates");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    @Test
    void secretNeverAppearsInErrors() {
        Map<String, String> headers = signedHeaders("GET", "/api/v1/merchant/balance", "");
        headers.put("X-Signature", "f".repeat(64));
        Http.Response r = http().send("GET", "/api/v1/merchant/balance", null, headers);
        assertThat(r.body()).doesNotContain(merchant.apiSecret());
    }

    @Test
    void clockDriftIsMeasuredAgainstTheServerClock() {
        clock.advance(Duration.ofMinutes(10));
        Map<String, String> realNow = signedHeaders("GET", "/api/v1/merchant/balance", "", -600);
        assertThat(http().send("GET", "/api/v1/merchant/balance", null, realNow).status()).isEqualTo(403);
    }

    private Map<String, String> signedHeaders(String method, String pathAndQuery, String body) {
        return signedHeaders(method, pathAndQuery, body, 0);
    }

    private Map<String, String> signedHeaders(String method, String pathAndQuery, String body, long shiftSeconds) {
        String ts = String.valueOf(clock.instant().getEpochSecond() + shiftSeconds);
        Map<String, String> h = new HashMap<>();
        h.put("Content-Type", "application/json");
        h.put("X-Api-Key", merchant.apiKey());
        h.put("X-Timestamp", ts);
        h.put("X-Signature", RequestSignature.sign(merchant.apiSecret(), ts, method, pathAndQuery,
                body.getBytes(StandardCharsets.UTF_8)));
        return h;
    }
}
