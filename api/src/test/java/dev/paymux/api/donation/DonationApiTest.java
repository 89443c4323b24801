package dev.paymux.api.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Shared steps of the donation tests (abstract: Surefire runs only its subclasses). */
abstract class DonationApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    Http.Response patchStore(Merchant m, String body) {
        return admin().send("PATCH", "/admin/v1/stores/" + m.storeId(), body);
    }

    void enableDonations(Merchant m) {
        Http.Response r = patchStore(m, "{\"donations_enabled\":true}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /**
     * Posts to the public endpoint as a visitor's browser would: no signature, the key in the body. Each call
     * comes from another visitor (a forwarded address, as behind a reverse proxy), so the per-client limit
     * is not what these tests meet; {@link #donateFrom} picks the visitor.
     */
    Http.Response donate(Merchant m, String jsonFields) {
        int n = VISITORS.incrementAndGet();
        return donateFrom("198.18." + (n / 250 % 250) + "." + (n % 250 + 1), m, jsonFields);
    }

    Http.Response donateFrom(String clientAddress, Merchant m, String jsonFields) {
        String body = "{\"api_key\":\"" + m.apiKey() + "\"" + (jsonFields.isEmpty() ? "" : "," + jsonFields) + "}";
        return http().send("POST", "/donate/create", body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.util.Map.of("Content-Type", "application/json", "X-Forwarded-For", clientAddress));
    }

    private static final java.util.concurrent.atomic.AtomicInteger VISITORS = new java.util.concurrent.atomic.AtomicInteger();

    JsonNode donated(Merchant m, String jsonFields) {
        Http.Response r = donate(m, jsonFields);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get("success").asBoolean()).isTrue();
        return r.data();
    }

    JsonNode payment(Merchant m, String id) {
        Http.Response r = m.get("/api/v1/payment/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    long paymentsOf(Merchant m) {
        return jdbc.sql("select count(*) from payments where store_id = :s").param("s", UUID.fromString(m.storeId()))
                .query(Long.class).single();
    }

    long eventsOf(Merchant m) {
        return jdbc.sql("select count(*) from webhook_events where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single();
    }
}
