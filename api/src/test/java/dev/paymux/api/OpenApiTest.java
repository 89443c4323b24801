package dev.paymux.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OpenApiTest extends ApiTest {

    @Test
    void theWholeApiIsDescribed() {
        Http.Response r = http().get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        for (String path : new String[] {"/api/v1/payment/create", "/api/v1/payment/{paymentId}", "/api/v1/payments",
                "/api/v1/merchant/balance", "/api/v1/rates", "/api/v1/selection/{token}", "/admin/v1/stores"}) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(http().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
