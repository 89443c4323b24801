package dev.paymux.api.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Health is public; every other actuator endpoint, Prometheus's included, needs the operator token. */
class ActuatorAccessTest extends ApiTest {

    @Test
    void healthIsOpenAndTheRestNeedsTheOperatorToken() {
        assertThat(http().get("/actuator/health").status()).isEqualTo(200);
        for (String path : List.of("/actuator", "/actuator/metrics", "/actuator/metrics/jvm.memory.used",
                "/actuator/prometheus", "/actuator/info")) {
            Http.Response anonymous = http().get(path);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.json().get("success").asBoolean()).isFalse();
            assertThat(http().send("GET", path, null, Map.of("Authorization", "Bearer wrong")).status()).as(path)
                    .isEqualTo(403);
        }
        assertThat(operator("/actuator/metrics").status()).isEqualTo(200);
    }

    @Test
    void prometheusServesTheHttpAndJvmMetricsInItsTextFormat() {
        http().get("/api/v1/rates");
        Http.Response r = operator("/actuator/prometheus");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/plain");
        assertThat(r.body()).contains("# TYPE http_server_requests_seconds").contains("jvm_memory_used_bytes")
                .contains("hikaricp_connections").contains("paymux_webhooks_pending ")
                .contains("paymux_webhooks_oldest_pending_seconds ");
    }

    private Http.Response operator(String path) {
        return http().send("GET", path, null, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
    }
}
