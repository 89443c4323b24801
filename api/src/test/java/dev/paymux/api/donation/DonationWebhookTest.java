package dev.paymux.api.donation;

import static dev.paymux.api.support.WebhookReceiver.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin.WebhookStore;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.api.support.WebhookReceiver;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.PaymentService;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Donations never trigger webhooks (seed), yet each of their status changes is in the store's delivery log
 * as skipped; an ordinary payment of the same store is delivered as usual.
 */
class DonationWebhookTest extends DonationApiTest {

    private static final String REASON = "donations do not trigger webhooks";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Autowired
    PaymentService payments;

    @Autowired
    TransferSink sink;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anExpiredDonationIsLoggedAsSkippedWhileTheExpiredPaymentIsDelivered() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("placeholder")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            receiver.secret(store.webhookSecret());
            Merchant m = store.merchant();
            enableDonations(m);
            String paymentId = m.post("/api/v1/payment/create", "{\"amount\":\"20\",\"order_id\":\"P-1\"}")
                    .data().get("payment_id").asString();
            String donationId = donated(m, "\"amount\":\"7\",\"currency\":\"USDT_TRC20\",\"donor_name\":\"Bo\"")
                    .get("payment_id").asString();

            clock.advance(Duration.ofMinutes(31));
            payments.expireDue();

            eventually(WAIT, () -> receiver.received().size() == 1);
            JsonNode paymentEvent = deliveryOf(m, paymentId);
            eventually(WAIT, () -> state(m, paymentEvent.get("event_id").asString()).equals("delivered"));
            JsonNode donationEvent = deliveryOf(m, donationId);
            assertThat(donationEvent.get("event").asString()).isEqualTo("payment.expired");
            assertThat(donationEvent.get("state").asString()).isEqualTo("skipped");
            assertThat(donationEvent.get("state_reason").asString()).isEqualTo(REASON);
            assertThat(donationEvent.get("attempts").asInt()).isZero();
            assertThat(payment(m, donationId).get("status").asString()).isEqualTo("expired");

            // Redelivery keeps it skipped: asking again does not make a donation trigger a webhook.
            String eventId = donationEvent.get("event_id").asString();
            Http.Response again = m.post("/api/v1/webhooks/deliveries/" + eventId + "/redeliver", "");
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.data().get("state").asString()).isEqualTo("skipped");
            JsonNode detail = m.get("/api/v1/webhooks/deliveries/" + eventId).data();
            assertThat(detail.get("state_reason").asString()).isEqualTo(REASON);
            assertThat(detail.get("attempt_log")).isEmpty();

            dev.paymux.api.support.DispatcherProbe.caughtUp(admin(), clock);
            assertThat(receiver.received()).hasSize(1);
            JsonNode body = json.readTree(receiver.received().get(0).body());
            assertThat(body.get("payment_id").asString()).isEqualTo(paymentId);
            assertThat(receiver.received().get(0).seedSignatureValid()).isTrue();
        }
    }

    @Test
    void aPaidDonationSettlesLikeAPaymentButEveryEventIsSkipped() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver("placeholder")) {
            WebhookStore store = admin().createStoreWithWebhook(receiver.url(), clock);
            receiver.secret(store.webhookSecret());
            Merchant m = store.merchant();
            enableDonations(m);
            JsonNode payment = m.post("/api/v1/payment/create", "{\"amount\":\"30\"}").data();
            JsonNode donation = donated(m, "\"fiat_amount\":\"15\",\"currency\":\"USDT_TRC20\","
                    + "\"donor_message\":\"For the servers\"");
            String donationId = donation.get("payment_id").asString();

            pay(payment, "pay", 20_000L);
            pay(donation, "don", 20_000L);
            sink.tip(Chain.TRON, 20_018, null, clock.instant());

            JsonNode settled = payment(m, donationId);
            assertThat(settled.get("status").asString()).isEqualTo("completed");
            assertThat(settled.get("donation").asBoolean()).isTrue();
            assertThat(settled.get("donor_message").asString()).isEqualTo("For the servers");
            assertThat(settled.get("amount_received").decimalValue())
                    .isEqualByComparingTo(new BigDecimal(donation.get("amount").asString()));

            eventually(WAIT, () -> receiver.received().size() == 2);
            List<String> delivered = new ArrayList<>();
            for (WebhookReceiver.Received r : receiver.received()) {
                delivered.add(json.readTree(r.body()).get("event").asString());
                assertThat(json.readTree(r.body()).get("payment_id").asString())
                        .isEqualTo(payment.get("payment_id").asString());
            }
            assertThat(delivered).containsExactly("payment.confirming", "payment.completed");

            JsonNode skipped = m.get("/api/v1/webhooks/deliveries?state=skipped").data();
            List<String> skippedEvents = new ArrayList<>();
            for (JsonNode d : skipped.get("deliveries")) {
                assertThat(d.get("payment_id").asString()).isEqualTo(donationId);
                assertThat(d.get("state_reason").asString()).isEqualTo(REASON);
                skippedEvents.add(d.get("event").asString());
            }
            assertThat(skippedEvents).containsExactly("payment.completed", "payment.confirming");

            dev.paymux.api.support.DispatcherProbe.caughtUp(admin(), clock);
            assertThat(receiver.received()).hasSize(2);
        }
    }

    private void pay(JsonNode p, String name, long height) {
        sink.observed(new ChainTransfer(new TransferKey(Chain.TRON, run + "-" + name, 0), Asset.USDT_TRC20,
                p.get("pay_address").asString(), new BigDecimal(p.get("amount").asString()), height,
                run + "-block-" + height, clock.instant()));
    }

    /** The only event of a payment in the store's delivery log. */
    private static JsonNode deliveryOf(Merchant m, String paymentId) {
        Http.Response r = m.get("/api/v1/webhooks/deliveries?per_page=100");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        List<JsonNode> found = new ArrayList<>();
        r.data().get("deliveries").forEach(d -> {
            if (paymentId.equals(d.get("payment_id").asString())) {
                found.add(d);
            }
        });
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String state(Merchant m, String eventId) {
        return m.get("/api/v1/webhooks/deliveries/" + eventId).data().get("state").asString();
    }
}
