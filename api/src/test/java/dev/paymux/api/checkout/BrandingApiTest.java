package dev.paymux.api.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** A store's checkout branding through the admin API, and what the customer's page makes of it. */
class BrandingApiTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransferSink sink;

    @Test
    void colourAndReturnUrlAreSetCheckedAndShownOnTheCompletedPage() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String base = "/admin/v1/stores/" + m.storeId() + "/branding";
        Http.Response set = admin().send("PUT", base,
                "{\"accent_color\":\"#0A7D5A\",\"return_url\":\"https://shop.example/thanks?o=1\"}");
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        assertThat(set.data().get("accent_color").asString()).isEqualTo("#0a7d5a");

        for (String bad : List.of("{\"accent_color\":\"red; background:url(x)\"}", "{\"accent_color\":\"#12345\"}",
                "{\"accent_color\":7}", "{\"return_url\":\"javascript:alert(1)\"}", "{\"return_url\":\"/relative\"}",
                "{\"return_url\":\"https://user:pw@shop.example\"}")) {
            Http.Response r = admin().send("PUT", base, bad);
            assertThat(r.status()).as(bad + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
        }
        JsonNode kept = admin().send("GET", base, null).data();
        assertThat(kept.get("accent_color").asString()).isEqualTo("#0a7d5a");
        assertThat(kept.get("return_url").asString()).isEqualTo("https://shop.example/thanks?o=1");

        JsonNode p = m.post("/api/v1/payment/create", "{\"amount\":\"20\",\"currency\":\"USDT_TRC20\"}").data();
        String pending = http().get("/pay/" + p.get("payment_id").asString()).body();
        assertThat(pending).contains("style=\"--brand: #0a7d5a\"").doesNotContain("id=\"back-to-store\"");
        String run = UUID.randomUUID().toString().substring(0, 8);
        sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-b", 0), Asset.USDT_TRC20,
                p.get("pay_address").asString(), new BigDecimal(p.get("amount").asString()), 12_000L, run + "-12000",
                clock.instant()));
        sink.tip(Chain.TRON, 12_018, null, clock.instant());
        String completed = http().get("/pay/" + p.get("payment_id").asString()).body();
        assertThat(completed).contains("id=\"back-to-store\" href=\"https://shop.example/thanks?o=1\"");

        Http.Response cleared = admin().send("PUT", base, "{\"return_url\":null}");
        assertThat(cleared.data().get("return_url").isNull()).isTrue();
        assertThat(cleared.data().get("accent_color").asString()).isEqualTo("#0a7d5a");
    }

    @Test
    void aLogoIsUploadedAsAnImageServedByPaymuxAndOnlyRealImagesAreTaken() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String logo = "/admin/v1/stores/" + m.storeId() + "/branding/logo";
        byte[] png = png();
        Http.Response up = upload(logo, "image/png", png);
        assertThat(up.status()).as(up.body()).isEqualTo(200);
        assertThat(up.data().get("logo_url").asString()).isEqualTo("/pay/logos/" + m.storeId());

        HttpResponse<byte[]> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/pay/logos/" + m.storeId())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.body()).isEqualTo(png);

        JsonNode p = m.post("/api/v1/payment/create", "{\"amount\":\"20\",\"currency\":\"USDT_TRC20\"}").data();
        assertThat(http().get("/pay/" + p.get("payment_id").asString()).body())
                .contains("src=\"/pay/logos/" + m.storeId() + "\"");

        // The type is read from the bytes: an SVG (which could run script when opened) or a disguised text is refused.
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
        for (var bad : Map.of("image/svg+xml", svg.getBytes(StandardCharsets.UTF_8),
                "image/png", "not an image".getBytes(StandardCharsets.UTF_8), "image/jpeg", new byte[0]).entrySet()) {
            Http.Response r = upload(logo, bad.getKey(), bad.getValue());
            assertThat(r.status()).as(bad.getKey() + " -> " + r.body()).isEqualTo(400);
        }
        byte[] large = new byte[70_000];
        System.arraycopy(png, 0, large, 0, png.length);
        assertThat(upload(logo, "image/png", large).status()).isEqualTo(400);
        // Still the first logo.
        assertThat(jdbc.sql("select logo from store_branding where store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(byte[].class).single()).isEqualTo(png);

        assertThat(admin().send("DELETE", logo, null).status()).isEqualTo(200);
        assertThat(admin().send("DELETE", logo, null).status()).isEqualTo(404);
        assertThat(http().get("/pay/logos/" + m.storeId()).status()).isEqualTo(404);
        assertThat(http().get("/pay/logos/not-a-store").status()).isEqualTo(404);
    }

    private Http.Response upload(String path, String type, byte[] body) {
        return http().send("PUT", path, body, Map.of("Authorization", "Bearer " + ADMIN_TOKEN, "Content-Type", type));
    }

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                image.setRGB(x, y, (x + y) % 2 == 0 ? 0x0a7d5a : 0xffffff);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
