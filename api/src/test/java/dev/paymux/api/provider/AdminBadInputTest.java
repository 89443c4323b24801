package dev.paymux.api.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator endpoints added for providers and chains answer bad input with a clear 4xx and write nothing. */
class AdminBadInputTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void assigningAProviderRefusesBadInput() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String path = "/admin/v1/stores/" + m.storeId() + "/provider";
        for (String body : List.of("not json", "[]", "{}", "{\"instance\": 5}", "{\"instance\": \"nobody\"}")) {
            Http.Response r = admin().send("PUT", path, body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
            assertThat(r.error()).isNotBlank();
        }
        assertThat(admin().send("PUT", "/admin/v1/stores/" + UUID.randomUUID() + "/provider",
                "{\"instance\": null}").status()).isEqualTo(404);
        assertThat(jdbc.sql("select provider_instance from stores where id = :s")
                .param("s", UUID.fromString(m.storeId())).query(String.class).optional()).isEmpty();
        // "native" means Paymux's own provider: the store stays without an external one.
        Http.Response ok = admin().send("PUT", path, "{\"instance\": \"native\"}");
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.data().get("instance").isNull()).isTrue();
    }

    @Test
    void chainListingsRefuseBadQueries() {
        for (String q : List.of("match=lost", "limit=0", "limit=abc", "limit=100000")) {
            Http.Response r = admin().send("GET", "/admin/v1/chain/transfers?" + q, null);
            assertThat(r.status()).as(q + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
        }
        assertThat(admin().send("GET", "/admin/v1/chain/watchers", null).status()).isEqualTo(200);
        assertThat(admin().send("GET", "/admin/v1/providers/callbacks?limit=501", null).status()).isEqualTo(400);
    }

    @Test
    void aCallbackToAnUnknownInstanceOrWithGarbageIsAnsweredWithoutDetails() {
        Http.Response unknown = http().postJson("/callbacks/nobody", "{\"status\":\"paid\"}");
        assertThat(unknown.status()).isEqualTo(404);
        Http.Response garbage = http().postJson("/callbacks/native", "not json at all");
        assertThat(garbage.status()).isEqualTo(400);
        assertThat(garbage.body()).isEqualTo("rejected");
    }
}
