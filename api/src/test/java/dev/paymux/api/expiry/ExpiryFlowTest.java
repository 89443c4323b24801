package dev.paymux.api.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Merchant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.support.MessageBuilder;

class ExpiryFlowTest extends ApiTest {

    @Autowired
    @Qualifier(ExpiryFlowConfiguration.TICKS)
    MessageChannel ticks;

    @Test
    void aTickOnTheExpiryChannelExpiresDuePayments() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String id = m.post("/api/v1/payment/create", "{\"amount\":\"9\"}").data().get("payment_id").asString();
        clock.advance(Duration.ofMinutes(29));
        ticks.send(MessageBuilder.withPayload(Instant.now()).build());
        assertThat(m.get("/api/v1/payment/" + id).data().get("status").asString()).isEqualTo("pending");

        clock.advance(Duration.ofMinutes(2));
        ticks.send(MessageBuilder.withPayload(Instant.now()).build());
        assertThat(m.get("/api/v1/payment/" + id).data().get("status").asString()).isEqualTo("expired");
    }
}
