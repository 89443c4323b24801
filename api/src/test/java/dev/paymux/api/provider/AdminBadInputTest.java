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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"9223372036854775808", "-9223372036854775809",
            "1e400", "-1", "0", "3600.5", "99999999999999999999999999", "\"3600\""})
    void storeNumbersOutOfRangeAre400AndWriteNothing(String lifetime) {
        long before = storeCount();
        Http.Response r = admin().send("POST", "/admin/v1/stores",
                "{\"name\":\"n\",\"assets\":[\"USDT_TRC20\"],\"lifetime_seconds\": " + lifetime + "}");
        assertThat(r.status()).as(lifetime + " -> " + r.body()).isEqualTo(400);
        assertThat(r.error()).contains("lifetime_seconds");
        assertThat(storeCount()).isEqualTo(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"1e400", "-0.5", "11", "0.001", "99999999999999999999"})
    void toleranceOutOfRangeOrTooPreciseIs400(String tolerance) {
        long before = storeCount();
        Http.Response r = admin().send("POST", "/admin/v1/stores",
                "{\"name\":\"n\",\"assets\":[\"USDT_TRC20\"],\"underpaid_tolerance_percent\": " + tolerance + "}");
        assertThat(r.status()).as(tolerance + " -> " + r.body()).isEqualTo(400);
        assertThat(r.error()).contains("underpaid_tolerance_percent");
        assertThat(storeCount()).isEqualTo(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\\ud800x", "x\\udfff", "a\\u0000b"})
    void adminTextWithInvalidUnicodeOrNulIs400AndWritesNothing(String text) {
        long before = storeCount();
        Http.Response r = admin().send("POST", "/admin/v1/stores",
                "{\"name\":\"" + text + "\",\"assets\":[\"USDT_TRC20\"]}");
        assertThat(r.status()).as(text + " -> " + r.body()).isEqualTo(400);
        assertThat(r.error()).contains("name");
        assertThat(storeCount()).isEqualTo(before);
        Http.Response key = admin().send("POST", "/admin/v1/stores",
                "{\"name\":\"ok\",\"assets\":[\"USDT_TRC20\"],\"" + text + "\":1}");
        assertThat(key.status()).as(text + " -> " + key.body()).isEqualTo(400);
        assertThat(storeCount()).isEqualTo(before);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"file:///etc/passwd", "not a url", "ftp://example.com/x",
            "javascript:alert(1)", "http://user:pw@example.com", "https://"})
    void aProviderBaseUrlIsCheckedLikeAWebhookUrl(String url) {
        String name = "url-check-" + UUID.randomUUID().toString().substring(0, 8);
        Http.Response r = admin().send("POST", "/admin/v1/provider-instances", """
                {"name": "%s", "type": "cryptomus", "settings": {"base-url": "%s",
                 "merchant-id": "8b03432e-385b-4670-8d06-064591096795", "api-key": "k"}}""".formatted(name, url));
        assertThat(r.status()).as(url + " -> " + r.body()).isEqualTo(400);
        assertThat(r.error()).contains("base-url");
        assertThat(jdbc.sql("select count(*) from provider_instances where name = :n").param("n", name)
                .query(Long.class).single()).isZero();
    }

    private long storeCount() {
        return jdbc.sql("select count(*) from stores").query(Long.class).single();
    }
}
