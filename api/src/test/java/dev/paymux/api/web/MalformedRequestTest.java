package dev.paymux.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.auth.RequestSignature;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Requests the servlet container can hardly read still answer a 4xx in the seed's format, never a 500 or HTML. */
class MalformedRequestTest extends ApiTest {

    @ParameterizedTest
    @ValueSource(strings = {"page=%ff", "a=%", "=x", "page=%zz", "page=1&%", "status=%ED%A0%80", "a%ff=1",
            "currency=%00"})
    void aSignedListWithAMalformedQueryIs400(String query) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        Raw r = raw("/api/v1/payments?" + query, Map.of("X-Api-Key", m.apiKey(), "X-Timestamp", timestamp,
                "X-Signature", RequestSignature.sign(m.apiSecret(), timestamp, "GET", "/api/v1/payments", new byte[0])));
        assertThat(r.status()).as(query + " -> " + r.body()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("success").asBoolean()).isFalse();
        assertThat(json.readTree(r.body()).get("error").asString()).isEqualTo("malformed query string");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/webhooks/deliveries", "/api/v1/merchant/balance", "/api/v1/rates"})
    void everySignedMerchantGetRefusesAMalformedQuery(String path) {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        for (String query : List.of("page=%ff", "a=%", "=x", "status=%ED%A0%80", "x=%00")) {
            String timestamp = String.valueOf(clock.instant().getEpochSecond());
            Raw r = raw(path + "?" + query, Map.of("X-Api-Key", m.apiKey(), "X-Timestamp", timestamp,
                    "X-Signature", RequestSignature.sign(m.apiSecret(), timestamp, "GET", path, new byte[0])));
            assertThat(r.status()).as(path + "?" + query + " -> " + r.body()).isEqualTo(400);
            assertThat(json.readTree(r.body()).get("error").asString()).isEqualTo("malformed query string");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/payment/%ff?a=%", "/api/v1/payment/%00", "/api/v1/payment/%ED%A0%80",
            "/callbacks/a%00b", "/callbacks/%ff", "/pay/select?token=%ff", "/admin/v1/stores/%ff",
            "/admin/v1/provider-instances/%00", "/api/v1/selection/%ED%A0%80"})
    void aMalformedPathOrQueryAnywhereIsA4xxJsonError(String target) {
        Raw get = raw(target, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(get.status()).as(target + " -> " + get.body()).isBetween(400, 499);
        assertThat(json.readTree(get.body()).get("success").asBoolean()).as(get.body()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin/v1/providers/callbacks?instance=%ED%A0%80",
            "/admin/v1/providers/callbacks?status=%ff", "/admin/v1/chain/transfers?status=%ED%B0%80",
            "/admin/v1/routing/metrics?instance=%", "/admin/v1/webhooks/deliveries?status=%00",
            "/admin/v1/providers/callbacks?limit=%ff", "/admin/v1/chain/transfers?=x",
            "/admin/v1/chain/transfers?match=%"})
    void anAdminGetWithAMalformedQueryIs400(String pathAndQuery) {
        Raw r = raw(pathAndQuery, Map.of("Authorization", "Bearer " + ADMIN_TOKEN));
        assertThat(r.status()).as(pathAndQuery + " -> " + r.body()).isEqualTo(400);
        assertThat(json.readTree(r.body()).get("success").asBoolean()).isFalse();
        assertThat(json.readTree(r.body()).get("error").asString()).isEqualTo("malformed query string");
    }

    @Test
    void anOversizedQueryOrHeaderIsTheJsonErrorNotAnHtmlPage() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        Http.Response query = m.get("/api/v1/payments?page=1&x=" + "a".repeat(20_000));
        assertThat(query.status()).as(query.body()).isBetween(400, 431);
        assertThat(query.header("Content-Type")).startsWith("application/json");
        assertThat(query.json().get("success").asBoolean()).isFalse();
        assertThat(query.error()).isNotBlank();

        Http.Response header = http().send("GET", "/api/v1/payments", null, Map.of("X-Big", "b".repeat(20_000)));
        assertThat(header.status()).as(header.body()).isBetween(400, 431);
        assertThat(header.header("Content-Type")).startsWith("application/json");
        assertThat(header.json().get("success").asBoolean()).isFalse();
        assertThat(header.body()).doesNotContain("<html").doesNotContain("Tomcat");
    }

    @Test
    void wellFormedQueriesStillPass() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        Raw r = raw("/api/v1/payments?page=1&per_page=%32%30&&status=pending&x=%E2%82%AC&y=a+b&flag",
                Map.of("X-Api-Key", m.apiKey(), "X-Timestamp", timestamp, "X-Signature",
                        RequestSignature.sign(m.apiSecret(), timestamp, "GET", "/api/v1/payments", new byte[0])));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    record Raw(int status, String body) {
    }

    /** The request line exactly as given: HttpClient refuses to send a malformed escape such as "%". */
    private Raw raw(String target, Map<String, String> headers) {
        try (Socket socket = new Socket("localhost", port)) {
            StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.0\r\nHost: localhost\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(response.indexOf(' ') + 1, response.indexOf(' ') + 4));
            return new Raw(status, response.substring(response.indexOf("\r\n\r\n") + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
