package dev.paymux.api.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The store's donation settings through the admin API, and donations in the merchant's payment list. */
class DonationSettingsTest extends DonationApiTest {

    @Test
    void donationsAreOffByDefaultAndTheOperatorSetsThemAtCreationOrByPatch() {
        Merchant plain = newStore(List.of("USDT_TRC20"), 0);
        JsonNode view = admin().send("GET", "/admin/v1/stores/" + plain.storeId(), null).data();
        assertThat(view.get("donations_enabled").asBoolean()).isFalse();
        assertThat(view.get("donation_text").isNull()).isTrue();

        Http.Response created = admin().send("POST", "/admin/v1/stores", "{\"name\":\"Charity " + UUID.randomUUID()
                + "\",\"assets\":[\"BTC\"],\"donations_enabled\":true,\"donation_text\":\"Support us\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        String storeId = created.data().get("store_id").asString();
        view = admin().send("GET", "/admin/v1/stores/" + storeId, null).data();
        assertThat(view.get("donations_enabled").asBoolean()).isTrue();
        assertThat(view.get("donation_text").asString()).isEqualTo("Support us");

        Http.Response patched = admin().send("PATCH", "/admin/v1/stores/" + storeId, "{\"lifetime_seconds\":600}");
        assertThat(patched.data().get("donations_enabled").asBoolean()).isTrue();
        assertThat(patched.data().get("donation_text").asString()).isEqualTo("Support us");

        patched = admin().send("PATCH", "/admin/v1/stores/" + storeId,
                "{\"donations_enabled\":false,\"donation_text\":null}");
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.data().get("donations_enabled").asBoolean()).isFalse();
        assertThat(patched.data().get("donation_text").isNull()).isTrue();
    }

    @Test
    void badDonationSettingsAreRefusedAndChangeNothing() {
        Merchant m = newStore(List.of("USDT_TRC20"), 0);
        for (String body : List.of("{\"donations_enabled\":\"yes\"}", "{\"donations_enabled\":1}",
                "{\"donation_text\":42}", "{\"donation_text\":\"" + "t".repeat(501) + "\"}")) {
            Http.Response r = patchStore(m, body);
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
        }
        JsonNode view = admin().send("GET", "/admin/v1/stores/" + m.storeId(), null).data();
        assertThat(view.get("donations_enabled").asBoolean()).isFalse();
    }

    @Test
    void theMerchantsListShowsDonationsMarkedAndFiltersThemByKind() {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        enableDonations(m);
        String paymentId = m.post("/api/v1/payment/create", "{\"amount\":\"10\"}").data().get("payment_id").asString();
        String donationId = donated(m, "\"amount\":\"3\",\"currency\":\"USDT_TRC20\",\"donor_name\":\"Kim\"")
                .get("payment_id").asString();

        JsonNode all = m.get("/api/v1/payments").data();
        assertThat(all.get("total").asLong()).isEqualTo(2);
        for (JsonNode p : all.get("payments")) {
            boolean isDonation = p.get("payment_id").asString().equals(donationId);
            assertThat(p.has("donation")).isEqualTo(isDonation);
            assertThat(p.has("donor_name")).isEqualTo(isDonation);
        }

        JsonNode donations = m.get("/api/v1/payments?kind=donation").data();
        assertThat(donations.get("total").asLong()).isEqualTo(1);
        JsonNode d = donations.get("payments").get(0);
        assertThat(d.get("payment_id").asString()).isEqualTo(donationId);
        assertThat(d.get("donation").asBoolean()).isTrue();
        assertThat(d.get("donor_name").asString()).isEqualTo("Kim");

        JsonNode ordinary = m.get("/api/v1/payments?kind=payment").data();
        assertThat(ordinary.get("total").asLong()).isEqualTo(1);
        assertThat(ordinary.get("payments").get(0).get("payment_id").asString()).isEqualTo(paymentId);
        assertThat(payment(m, paymentId).has("donation")).isFalse();

        Http.Response bad = m.get("/api/v1/payments?kind=gift");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error()).isEqualTo("kind must be payment or donation");
    }
}
