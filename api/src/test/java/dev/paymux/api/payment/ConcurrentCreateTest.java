package dev.paymux.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class ConcurrentCreateTest extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentIdenticalCreatesMakeExactlyOnePayment() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        // The very same signed bytes from every thread (a create with an order_id may be sent again as it is).
        Merchant.Signed create = m.sign("POST", "/api/v1/payment/create", "{\"amount\":\"42\",\"order_id\":\"RACE-1\"}");
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return m.retryingUnavailable(create);
            }));
        }
        start.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> f : results) {
            responses.add(f.get());
        }
        pool.shutdown();

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        Set<String> ids = responses.stream().map(r -> r.data().get("payment_id").asString()).collect(Collectors.toSet());
        assertThat(ids).hasSize(1);
        long rows = jdbc.sql("select count(*) from payments p join stores s on s.id = p.store_id where s.api_key = :key")
                .param("key", m.apiKey()).query(Long.class).single();
        assertThat(rows).isEqualTo(1);
    }

    @Test
    void concurrentCreatesNeverShareASlot() throws Exception {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        int threads = 12;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return m.postRetryingUnavailable("/api/v1/payment/create", "{\"amount\":\"50\"}");
            }));
        }
        start.countDown();
        List<Http.Response> responses = new ArrayList<>();
        for (Future<Http.Response> f : results) {
            responses.add(f.get());
        }
        pool.shutdown();

        List<String> slots = responses.stream().map(Http.Response::data)
                .filter(d -> d.get("status").asString().equals("pending"))
                .map(d -> d.get("pay_address").asString() + "/" + d.get("amount").asString()).toList();
        // 2 addresses × 3 offsets = 6 slots; the rest wait in the queue.
        assertThat(slots).hasSize(6).doesNotHaveDuplicates();
        assertThat(responses.stream().filter(r -> r.data().get("status").asString().equals("queued"))).hasSize(6);
    }
}
