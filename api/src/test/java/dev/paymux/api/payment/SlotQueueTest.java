package dev.paymux.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.payment.PaymentService;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Unique amounts per address, the queue when no slot is free, and FIFO promotion (max-offsets = 3 in tests). */
class SlotQueueTest extends ApiTest {

    @Autowired
    PaymentService payments;

    @Test
    void eachOpenPaymentOnAnAddressExpectsADifferentAmount() {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        List<JsonNode> created = List.of(create(m, "10"), create(m, "10"), create(m, "10"), create(m, "10"));
        // Smallest offset first, spread over the pool's addresses before taking the next offset.
        assertThat(created).extracting(d -> d.get("amount").asString()).containsExactly("10.01", "10.01", "10.02", "10.02");
        assertThat(created.get(0).get("pay_address").asString()).isNotEqualTo(created.get(1).get("pay_address").asString());
        assertThat(created.get(0).get("pay_address").asString()).isEqualTo(created.get(2).get("pay_address").asString());
        // Another amount has its own slots.
        assertThat(create(m, "20").get("amount").asString()).isEqualTo("20.01");
    }

    @Test
    void withNoFreeSlotThePaymentIsQueuedAndPromotedInFifoOrder() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode early = create(m, "10");
        clock.advance(Duration.ofMinutes(10));
        create(m, "10");
        create(m, "10");
        JsonNode q1 = create(m, "10");
        JsonNode q2 = create(m, "10");
        assertThat(q1.get("status").asString()).isEqualTo("queued");
        assertThat(q1.get("pay_address").isNull()).isTrue();
        assertThat(q1.get("amount").asString()).isEqualTo("10.00");
        assertThat(q2.get("status").asString()).isEqualTo("queued");
        // A different amount still finds a slot while 10.xx is full.
        assertThat(create(m, "11").get("status").asString()).isEqualTo("pending");

        // The early payment expires and frees 10.01; the oldest queued payment takes it.
        clock.advance(Duration.ofMinutes(21));
        payments.expireDue();

        assertThat(status(m, early).get("status").asString()).isEqualTo("expired");
        JsonNode promoted = status(m, q1);
        assertThat(promoted.get("status").asString()).isEqualTo("pending");
        assertThat(promoted.get("amount_with_cents").decimalValue()).isEqualByComparingTo("10.01");
        assertThat(promoted.get("pay_address").asString()).isEqualTo(early.get("pay_address").asString());
        assertThat(status(m, q2).get("status").asString()).isEqualTo("queued");
    }

    @Test
    void importingAddressesPromotesQueuedPayments() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        create(m, "5");
        create(m, "5");
        create(m, "5");
        JsonNode queued = create(m, "5");
        assertThat(queued.get("status").asString()).isEqualTo("queued");

        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));

        JsonNode promoted = status(m, queued);
        assertThat(promoted.get("status").asString()).isEqualTo("pending");
        assertThat(promoted.get("amount_with_cents").decimalValue()).isEqualByComparingTo("5.01");
    }

    @Test
    void queuedPaymentsExpireToo() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        create(m, "7");
        create(m, "7");
        create(m, "7");
        JsonNode queued = create(m, "7");
        clock.advance(Duration.ofMinutes(31));
        payments.expireDue();
        assertThat(status(m, queued).get("status").asString()).isEqualTo("expired");
    }

    @Test
    void newPaymentsDoNotJumpTheQueue() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode early = create(m, "3");
        clock.advance(Duration.ofMinutes(10));
        create(m, "3");
        create(m, "3");
        JsonNode queued = create(m, "3");
        clock.advance(Duration.ofMinutes(21));
        // Expiry of the early payment is due but the sweep has not run; a new payment arrives first.
        JsonNode newcomer = create(m, "3");
        assertThat(status(m, queued).get("status").asString()).isEqualTo("pending");
        assertThat(newcomer.get("status").asString()).isEqualTo("queued");
        assertThat(status(m, early).get("status").asString()).isIn("pending", "expired");
    }

    private static JsonNode create(Merchant m, String amount) {
        var r = m.post("/api/v1/payment/create", "{\"amount\":\"" + amount + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private static JsonNode status(Merchant m, JsonNode created) {
        return m.get("/api/v1/payment/" + created.get("payment_id").asString()).data();
    }
}
