package dev.paymux.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The seed's own bash + curl + openssl example, run as written with only the URL and credentials changed. */
class SeedCurlExampleTest extends ApiTest {

    private static final String SEED_EXAMPLE = """
            TIMESTAMP=$(date +%s)
            BODY='{"amount":"100.00","order_id":"ORDER-1"}'
            PAYLOAD="${TIMESTAMP}POST/api/v1/payment/create${BODY}"
            SIGNATURE=$(echo -n "$PAYLOAD" | openssl dgst -sha256 -hmac "your_api_secret" | cut -d' ' -f2)
            curl -X POST https://soko.ai/api/v1/payment/create \\
            -H "Content-Type: application/json" \\
            -H "X-Api-Key: your_api_key" \\
            -H "X-Timestamp: $TIMESTAMP" \\
            -H "X-Signature: $SIGNATURE" \\
            -d "$BODY"
            """;

    @Test
    void seedBashExampleCreatesAPaymentWithAPaymentUrl() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String script = SEED_EXAMPLE
                .replace("https://soko.ai", "-s http://localhost:" + port)
                .replace("your_api_secret", m.apiSecret())
                .replace("your_api_key", m.apiKey());
        JsonNode response = json.readTree(bash(script));
        assertThat(response.get("success").asBoolean()).as(response.toString()).isTrue();
        assertThat(response.get("data").get("payment_url").asString()).startsWith("https://pay.example.test/pay/");
        assertThat(response.get("data").get("status").asString()).isEqualTo("pending");
    }

    @Test
    void theFirstStartBannerIsAWorkingExample() throws Exception {
        StoreAdministration.IssuedCredentials issued;
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        issued = new StoreAdministration.IssuedCredentials(null, null, m.apiKey(), m.apiSecret(), "whsec_x");
        String banner = DemoBootstrap.banner(issued, "op_token", "http://localhost:" + port);
        assertThat(banner).contains(m.apiKey()).contains(m.apiSecret()).contains("op_token");
        String example = banner.substring(banner.indexOf("Create a payment:") + "Create a payment:".length());
        String script = example.substring(0, example.indexOf("=====")).replace("curl -X", "curl -s -X");
        JsonNode response = json.readTree(bash(script));
        assertThat(response.get("success").asBoolean()).as(response.toString()).isTrue();
        assertThat(response.get("data").get("payment_url").asString()).isNotBlank();
    }

    private static String bash(String script) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", script).redirectErrorStream(false).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(err).isZero();
        return out;
    }
}
