package dev.paymux.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signed merchant API requests are limited per API key (Bucket4j buckets in PostgreSQL): beyond the store's
 * limit a 429 with Retry-After; other stores unaffected; requests that fail authentication use nothing up.
 */
class MerchantRateLimitTest extends ApiTest {

    @Test
    void beyondTheStoresLimitTheApiAnswers429WithRetryAfterAndOtherStoresGoOn() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Merchant other = newStore(List.of("USDT_TRC20"), 1);
        Http.Response set = limit(m, "\"3/1m\"");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.data().get("merchant_per_key").asString()).isEqualTo("3/1m");
        assertThat(set.data().get("effective").asString()).isEqualTo("3/60s");
        clock.freeze();

        // A wrong signature is refused before it counts.
        for (int i = 0; i < 5; i++) {
            Http.Response forged = http().send("GET", "/api/v1/merchant/balance", null, Map.of("X-Api-Key", m.apiKey(),
                    "X-Timestamp", String.valueOf(clock.instant().getEpochSecond()), "X-Signature", "0".repeat(64)));
            assertThat(forged.status()).isEqualTo(403);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(m.get("/api/v1/merchant/balance").status()).isEqualTo(200);
        }
        Http.Response refused = m.get("/api/v1/merchant/balance");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.json().get("success").asBoolean()).isFalse();
        assertThat(refused.error()).contains("too many requests");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        Http.Response create = m.post("/api/v1/payment/create", "{\"amount\":\"5\",\"currency\":\"USDT_TRC20\"}");
        assertThat(create.status()).isEqualTo(429);
        assertThat(m.get("/api/v1/payments").data()).isNull();
        assertThat(other.get("/api/v1/merchant/balance").status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1));
        assertThat(m.get("/api/v1/merchant/balance").status()).isEqualTo(200);
        // Nothing was created while refused.
        clock.advance(Duration.ofMinutes(1));
        assertThat(m.get("/api/v1/payments").data().get("total").asLong()).isZero();
    }

    @Test
    void aStoreWithoutItsOwnLimitHasTheDefaultAndABadLimitIsRefused() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response get = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/limits", null);
        assertThat(get.data().get("merchant_per_key").isNull()).isTrue();
        assertThat(get.data().get("effective").asString()).isEqualTo("1200/60s");
        for (String bad : List.of("\"fast\"", "\"0/1m\"", "\"10/0s\"", "42", "\"10/\"")) {
            Http.Response r = limit(m, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.error()).contains("merchant_per_key");
        }
        assertThat(admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/limits", "{}").status()).isEqualTo(400);
        assertThat(limit(m, "\"100/1s\"").data().get("effective").asString()).isEqualTo("100/1s");
        assertThat(limit(m, "null").data().get("merchant_per_key").isNull()).isTrue();
        assertThat(admin().send("GET", "/admin/v1/stores/00000000-0000-0000-0000-000000000000/limits", null).status())
                .isEqualTo(404);
    }

    private Http.Response limit(Merchant m, String value) {
        return admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/limits", "{\"merchant_per_key\":" + value + "}");
    }
}
