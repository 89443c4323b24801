package dev.paymux.api.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.onchain.provider.NativeProvider;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Paymux's own provider behind the provider interface, on the real payment service and database. */
class NativeProviderTest extends ApiTest {

    @Autowired
    NativeProvider nativeProvider;

    @Test
    void createPlacesAQueuedPaymentOnceASlotIsFree() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String queued = null;
        for (int i = 0; i < 4; i++) {
            Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"10\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            queued = r.data().get("payment_id").asString();
        }
        assertThat(m.get("/api/v1/payment/" + queued).data().get("status").asString()).isEqualTo("queued");
        PaymentIntent intent = new PaymentIntent(queued, new BigDecimal("10"), "USDT_TRC20", "USDT_TRC20",
                Duration.ofMinutes(30), null, null, null);

        ProviderPayment stillQueued = nativeProvider.create(intent);
        assertThat(stillQueued.status().status()).isEqualTo(PaymentStatus.QUEUED);
        assertThat(stillQueued.payAddress()).isNull();

        admin().importAddresses(m.storeId(), "USDT_TRC20", Admin.addresses("USDT_TRC20", 1));
        ProviderPayment placed = nativeProvider.create(intent);
        assertThat(placed.status().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(placed.status().raw()).isEqualTo("pending");
        assertThat(placed.payAddress()).isNotNull();
        assertThat(placed.payAmount()).isGreaterThan(new BigDecimal("10"));
        assertThat(placed.reference().instance()).isEqualTo("native");
        // Idempotent: asking again gives the same placement.
        assertThat(nativeProvider.create(intent).payAddress()).isEqualTo(placed.payAddress());
        assertThat(nativeProvider.fetch(placed.reference()).payAmount()).isEqualByComparingTo(placed.payAmount());
        assertThat(m.get("/api/v1/payment/" + queued).data().get("status").asString()).isEqualTo("pending");
    }

    @Test
    void itQuotesNetworkFeesOnlyAndTakesNoCallbacks() {
        PaymentIntent intent = new PaymentIntent("x", new BigDecimal("100"), "USDT_TRC20", "USDT_TRC20",
                Duration.ofMinutes(30), null, null, null);
        var quote = nativeProvider.quote(intent);
        assertThat(quote.eligible()).isTrue();
        assertThat(quote.cost()).isEqualByComparingTo("0");
        assertThat(nativeProvider.capabilities().methods()).extracting(m -> m.currency())
                .contains("USDT_TRC20", "USDT_ERC20", "BTC", "ETH");
        assertThat(nativeProvider.parseCallback(CallbackRequest.json("{}", Map.of())))
                .isInstanceOf(CallbackResult.Rejected.class);
        Http.Response providers = admin().send("GET", "/admin/v1/providers", null);
        assertThat(providers.body()).contains("\"instance\":\"native\"");
    }
}
