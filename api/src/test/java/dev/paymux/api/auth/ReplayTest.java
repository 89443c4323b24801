package dev.paymux.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.store.SeenSignatures;
import dev.paymux.core.store.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A signed request that changes something is accepted once; reads and creates carrying an order_id may repeat. */
class ReplayTest extends ApiTest {

    private static final String CREATE = "/api/v1/payment/create";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SeenSignatures seen;

    private Merchant merchant;

    @BeforeEach
    void store() {
        merchant = newStore(List.of("USDT_TRC20"), 2);
    }

    @Test
    void theSameSignedCreateWithoutOrderIdSentTenTimesMakesOnePayment() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\"}");
        List<Http.Response> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(create.send());
        }

        assertThat(answers.get(0).status()).as(answers.get(0).body()).isEqualTo(200);
        assertThat(answers.subList(1, 10)).allSatisfy(r -> {
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isEqualTo("request already seen: sign the retry again or send the same order_id");
        });
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void aCopyWithTheSignatureInUpperCaseHexIsTheSameSignature() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\"}");
        assertThat(create.send().status()).isEqualTo(200);
        Map<String, String> upper = new HashMap<>(create.headers());
        upper.put("X-Signature", create.signature().toUpperCase(Locale.ROOT));
        Http.Response copy = http().send("POST", CREATE, create.body(), upper);
        assertThat(copy.status()).as(copy.body()).isEqualTo(409);
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void aCopyWithAQueryStringAddedIsStillACopy() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\"}");
        assertThat(create.send().status()).isEqualTo(200);
        Http.Response copy = http().send("POST", CREATE + "?again=1", create.body(), create.headers());
        assertThat(copy.status()).as(copy.body()).isEqualTo(409);
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void theSameSignedCreateWithAnOrderIdAnswersTheSamePaymentEachTime() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\",\"order_id\":\"REPLAY-1\"}");
        Http.Response first = create.send();
        Http.Response second = create.send();

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(second.data().get("payment_id").asString()).isEqualTo(first.data().get("payment_id").asString());
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void aNullOrderIdIsNoOrderIdSoACopyIsRefused() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\",\"order_id\":null}");
        assertThat(create.send().status()).isEqualTo(200);
        assertThat(create.send().status()).isEqualTo(409);
        assertThat(payments()).isEqualTo(1);
    }

    @Test
    void aRetrySignedAgainIsAccepted() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\"}");
        assertThat(create.send().status()).isEqualTo(200);
        assertThat(create.send().status()).isEqualTo(409);

        Merchant.Signed again = merchant.sign("POST", CREATE, "{\"amount\":\"10\"}");
        assertThat(again.timestamp()).isNotEqualTo(create.timestamp());
        Http.Response retried = again.send();
        assertThat(retried.status()).as(retried.body()).isEqualTo(200);
        assertThat(payments()).isEqualTo(2);
    }

    @Test
    void theSameSignedReadMayBeSentAgain() {
        Merchant.Signed read = merchant.sign("GET", "/api/v1/payments?page=1", "");
        for (int i = 0; i < 3; i++) {
            Http.Response r = read.send();
            assertThat(r.status()).as(r.body()).isEqualTo(200);
        }
        Merchant.Signed status = merchant.sign("GET", "/api/v1/merchant/balance", "");
        assertThat(status.send().status()).isEqualTo(200);
        assertThat(status.send().status()).isEqualTo(200);
    }

    @Test
    void everyOtherChangeIsAcceptedOnceToo() {
        Merchant.Signed rotate = merchant.sign("POST", "/api/v1/webhooks/secret/rotate", "");
        Http.Response first = rotate.send();
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        Http.Response copy = rotate.send();
        assertThat(copy.status()).as(copy.body()).isEqualTo(409);
        assertThat(copy.body()).doesNotContain(first.data().toString());

        Merchant.Signed put = merchant.sign("PUT", "/api/v1/webhooks/endpoint", "{\"url\":null}");
        assertThat(put.send().status()).isEqualTo(200);
        assertThat(put.send().status()).isEqualTo(409);
    }

    @Test
    void aRefusedFirstRequestIsRefusedAgainAsACopy() {
        Merchant.Signed bad = merchant.sign("POST", CREATE, "{\"amount\":\"-1\"}");
        assertThat(bad.send().status()).isEqualTo(400);
        assertThat(bad.send().status()).isEqualTo(409);
        assertThat(payments()).isZero();
    }

    @Test
    void onlyAHashOfTheSignatureIsKept() {
        Merchant.Signed create = merchant.sign("POST", CREATE, "{\"amount\":\"10\"}");
        assertThat(create.send().status()).isEqualTo(200);
        List<String> kept = jdbc.sql("select encode(signature_hash, 'hex') from seen_signatures where store_id = :s")
                .param("s", UUID.fromString(merchant.storeId())).query(String.class).list();
        assertThat(kept).hasSize(1).doesNotContain(create.signature());
        Instant until = jdbc.sql("select expires_at from seen_signatures where store_id = :s")
                .param("s", UUID.fromString(merchant.storeId())).query(java.time.OffsetDateTime.class).single()
                .toInstant();
        assertThat(until).isEqualTo(Instant.ofEpochSecond(Long.parseLong(create.timestamp()) + 301));
    }

    @Test
    void expiredSignaturesAreForgotten() {
        StoreId store = StoreId.parse(merchant.storeId()).orElseThrow();
        Instant now = clock.instant();
        byte[] old = {1, 2, 3};
        byte[] live = {4, 5, 6};
        assertThat(seen.firstSight(store, old, now.minusSeconds(1))).isTrue();
        assertThat(seen.firstSight(store, live, now.plusSeconds(300))).isTrue();
        assertThat(seen.firstSight(store, old, now.minusSeconds(1))).isFalse();

        assertThat(seen.purgeExpired(now)).isGreaterThanOrEqualTo(1);

        assertThat(seen.firstSight(store, live, now.plusSeconds(300))).as("a live one stays").isFalse();
        assertThat(seen.firstSight(store, old, now.plusSeconds(300))).as("an expired one is gone").isTrue();
    }

    private long payments() {
        return jdbc.sql("select count(*) from payments where store_id = :s")
                .param("s", UUID.fromString(merchant.storeId())).query(Long.class).single();
    }
}
