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
    @ValueSource(strings = {"/admin/v1/providers/callbacks?instance=%ED%A0%80",
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
