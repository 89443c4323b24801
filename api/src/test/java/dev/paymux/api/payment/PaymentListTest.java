package dev.paymux.api.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PaymentListTest extends ApiTest {

    @Test
    void pagesAreNewestFirstWithTotals() {
        Merchant m = newStore(List.of("USDT_TRC20"), 3);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            ids.add(m.post("/api/v1/payment/create", "{\"amount\":\"" + i + "\"}").data().get("payment_id").asString());
            clock.advance(Duration.ofSeconds(1));
        }
        JsonNode first = m.get("/api/v1/payments").data();
        assertThat(first.get("total").asLong()).isEqualTo(25);
        assertThat(first.get("per_page").asInt()).isEqualTo(20);
        assertThat(first.get("page").asInt()).isEqualTo(1);
        assertThat(first.get("total_pages").asLong()).isEqualTo(2);
        assertThat(first.get("payments")).hasSize(20);
        assertThat(first.get("payments").get(0).get("payment_id").asString()).isEqualTo(ids.get(24));

        JsonNode second = m.get("/api/v1/payments?page=2").data();
        assertThat(second.get("payments")).hasSize(5);
        assertThat(second.get("payments").get(4).get("payment_id").asString()).isEqualTo(ids.get(0));

        Set<String> seen = new HashSet<>();
        for (int page = 1; page <= 3; page++) {
            m.get("/api/v1/payments?per_page=10&page=" + page).data().get("payments")
                    .forEach(p -> seen.add(p.get("payment_id").asString()));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(m.get("/api/v1/payments?page=9").data().get("payments")).isEmpty();
    }

    @Test
    void filtersByStatusCurrencyAndDates() {
        Merchant m = newStore(List.of("USDT_TRC20", "BTC"), 1);
        m.post("/api/v1/payment/create", "{\"amount\":\"10\",\"currency\":\"USDT_TRC20\"}");
        m.post("/api/v1/payment/create", "{\"amount\":\"0.01\",\"currency\":\"BTC\"}");
        m.post("/api/v1/payment/create", "{\"amount\":\"30\"}"); // selecting
        m.post("/api/v1/payment/create", "{\"amount\":\"0.02\",\"currency\":\"BTC\"}");

        assertThat(total(m, "status=pending")).isEqualTo(3);
        assertThat(total(m, "status=selecting")).isEqualTo(1);
        assertThat(total(m, "currency=BTC")).isEqualTo(2);
        assertThat(total(m, "currency=btc&status=pending")).isEqualTo(2);

        clock.advance(Duration.ofDays(2));
        m.post("/api/v1/payment/create", "{\"amount\":\"0.03\",\"currency\":\"BTC\"}");
        assertThat(total(m, "currency=BTC")).isEqualTo(3);
        assertThat(total(m, "currency=BTC&status=expired")).isEqualTo(2);

        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        assertThat(total(m, "date_from=" + today)).isEqualTo(1);
        assertThat(total(m, "date_to=" + today.minusDays(2))).isEqualTo(4);
        assertThat(total(m, "date_from=" + today.minusDays(2) + "&date_to=" + today.minusDays(1))).isEqualTo(4);
        String instant = clock.instant().minus(Duration.ofHours(1)).toString();
        assertThat(total(m, "date_from=" + instant)).isEqualTo(1);
    }

    @Test
    void storesNeverSeeEachOthersPayments() {
        Merchant a = newStore(List.of("USDT_TRC20"), 1);
        Merchant b = newStore(List.of("USDT_TRC20"), 1);
        String id = a.post("/api/v1/payment/create", "{\"amount\":\"10\"}").data().get("payment_id").asString();

        Http.Response other = b.get("/api/v1/payment/" + id);
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.json().get("success").asBoolean()).isFalse();
        assertThat(b.get("/api/v1/payments").data().get("total").asLong()).isZero();
        assertThat(a.get("/api/v1/payment/" + id).status()).isEqualTo(200);
    }

    private static long total(Merchant m, String query) {
        Http.Response r = m.get("/api/v1/payments?" + query);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data().get("total").asLong();
    }
}
