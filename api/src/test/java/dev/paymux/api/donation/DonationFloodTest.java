package dev.paymux.api.donation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.JsonNode;

/**
 * Anonymous donations cannot starve a store's own payments: at most {@code paymux.donations.max-open-per-store}
 * unpaid ones at a time, and a donation never waits in the slot queue. The shared test context offers three
 * offsets per address and amount ({@code paymux.slots.max-offsets=3}).
 */
class DonationFloodTest extends DonationApiTest {

    private static final String TEN = "\"amount\":\"10\",\"currency\":\"USDT_TRC20\"";
    private static final String CAP_REACHED = "too many unpaid donations for this store; try again later";

    @Value("${paymux.donations.max-open-per-store:20}")
    int cap;

    @Test
    void aFloodOfOneAmountStopsAtTheCapAndTheMerchantsOwnPaymentStillGetsAnAddress() {
        // 10 addresses x 3 offsets = 30 slots for the amount 10: more than the cap, fewer than the flood.
        Merchant m = newStore(List.of("USDT_TRC20"), 10);
        enableDonations(m);
        assertThat(cap).isLessThan(30);

        for (int i = 0; i < cap + 30; i++) {
            Http.Response r = donate(m, TEN);
            if (i < cap) {
                assertThat(r.status()).as("donation %d: %s", i, r.body()).isEqualTo(200);
                assertThat(r.data().get("status").asString()).isEqualTo("pending");
            } else {
                assertBusy(r, CAP_REACHED);
            }
        }
        assertThat(paymentsOf(m)).isEqualTo(cap);
        assertThat(statusCount(m, "queued")).isZero();

        Http.Response own = m.post("/api/v1/payment/create", "{\"amount\":\"10\",\"order_id\":\"after-flood\"}");
        assertThat(own.status()).as(own.body()).isEqualTo(200);
        JsonNode p = payment(m, own.data().get("payment_id").asString());
        assertThat(p.get("status").asString()).isEqualTo("pending");
        assertThat(p.get("pay_address").asString()).startsWith("T");
    }

    @Test
    void aDonationRefusedAtTheCapWritesNothing() {
        Merchant m = newStore(List.of("USDT_TRC20"), 10);
        enableDonations(m);
        for (int i = 0; i < cap; i++) {
            donated(m, "\"amount\":\"" + (5 + i) + "\",\"currency\":\"USDT_TRC20\",\"donor_name\":\"d" + i + "\"");
        }
        long payments = paymentsOf(m);
        long history = paymentEventsOf(m);
        long webhookEvents = eventsOf(m);

        assertBusy(donate(m, "\"amount\":\"99\",\"currency\":\"USDT_TRC20\",\"donor_message\":\"one more\""),
                CAP_REACHED);
        assertThat(paymentsOf(m)).isEqualTo(payments).isEqualTo(cap);
        assertThat(paymentEventsOf(m)).isEqualTo(history);
        assertThat(eventsOf(m)).isEqualTo(webhookEvents);
    }

    @Test
    void aConcurrentBurstCreatesExactlyTheCap() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20"), 10);
        enableDonations(m);
        int threads = 5;
        int each = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Http.Response>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                Callable<List<Http.Response>> burst = () -> {
                    start.await();
                    List<Http.Response> out = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        out.add(donate(m, TEN));
                    }
                    return out;
                };
                futures.add(pool.submit(burst));
            }
            start.countDown();
            List<Http.Response> all = new ArrayList<>();
            for (Future<List<Http.Response>> f : futures) {
                all.addAll(f.get(2, TimeUnit.MINUTES));
            }
            List<Http.Response> created = all.stream().filter(r -> r.status() == 200).toList();
            List<Http.Response> refused = all.stream().filter(r -> r.status() != 200).toList();
            assertThat(created).hasSize(cap);
            assertThat(refused).hasSize(threads * each - cap);
            refused.forEach(r -> assertBusy(r, CAP_REACHED));
            created.forEach(r -> assertThat(r.data().get("status").asString()).isEqualTo("pending"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(paymentsOf(m)).isEqualTo(cap);
        assertThat(statusCount(m, "pending")).isEqualTo(cap);
    }

    @Test
    void whenThePaymentsHoldEverySlotOfTheAmountADonationIsRefusedNotQueued() {
        // One address: the amount 10 has three slots, all held by the merchant's payments.
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        enableDonations(m);
        for (int i = 0; i < 3; i++) {
            Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"10\",\"order_id\":\"o" + i + "\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.data().get("status").asString()).isEqualTo("pending");
        }
        long history = paymentEventsOf(m);

        assertBusy(donate(m, TEN), "no address is free for a donation now; try again later");
        assertThat(paymentsOf(m)).isEqualTo(3);
        assertThat(paymentEventsOf(m)).isEqualTo(history);
        assertThat(statusCount(m, "queued")).isZero();

        // Another amount still has free slots.
        assertThat(donated(m, "\"amount\":\"11\",\"currency\":\"USDT_TRC20\"").get("status").asString())
                .isEqualTo("pending");
    }

    @Test
    void expiredDonationsNoLongerCountAgainstTheCap() {
        Merchant m = newStore(List.of("USDT_TRC20"), 10);
        enableDonations(m);
        for (int i = 0; i < cap; i++) {
            donated(m, TEN);
        }
        assertBusy(donate(m, TEN), CAP_REACHED);

        // Past every donation's lifetime, before the expiry sweep has run (its interval is an hour here).
        clock.advance(Duration.ofDays(2));
        assertThat(donated(m, TEN).get("status").asString()).isEqualTo("pending");
    }

    private static void assertBusy(Http.Response r, String error) {
        assertThat(r.status()).as(r.body()).isEqualTo(429);
        assertThat(r.json().get("success").asBoolean()).isFalse();
        assertThat(r.error()).isEqualTo(error);
        assertThat(r.header("Retry-After")).isEqualTo("60");
    }

    private long statusCount(Merchant m, String status) {
        return jdbc.sql("select count(*) from payments where store_id = :s and status = :st")
                .param("s", UUID.fromString(m.storeId())).param("st", status).query(Long.class).single();
    }

    private long paymentEventsOf(Merchant m) {
        return jdbc.sql("select count(*) from payment_events e join payments p on p.id = e.payment_id"
                        + " where p.store_id = :s")
                .param("s", UUID.fromString(m.storeId())).query(Long.class).single();
    }
}
