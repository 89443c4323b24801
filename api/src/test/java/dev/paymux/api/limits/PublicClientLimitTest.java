package dev.paymux.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** The public rates and selection endpoints are limited per client address (300 a minute by default). */
class PublicClientLimitTest extends ApiTest {

    @Test
    void beyondTheLimitAClientGets429WithRetryAfterAndOtherClientsGoOn() {
        clock.freeze();
        String client = address();
        for (String path : new String[] {"/api/v1/rates", "/api/v1/selection/no-such-token"}) {
            int expected = path.endsWith("rates") ? 200 : 404;
            for (int i = 0; i < 300; i++) {
                assertThat(from(client, path).status()).as(path + " #" + i).isEqualTo(expected);
            }
            Http.Response refused = from(client, path);
            assertThat(refused.status()).as(path).isEqualTo(429);
            assertThat(refused.json().get("success").asBoolean()).isFalse();
            assertThat(refused.error()).contains("too many");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
            assertThat(from(address(), path).status()).as("another client").isEqualTo(expected);
        }
    }

    private Http.Response from(String client, String path) {
        return http().send("GET", path, null, Map.of("X-Forwarded-For", client));
    }

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.19." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }
}
