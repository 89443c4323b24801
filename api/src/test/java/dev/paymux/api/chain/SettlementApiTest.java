package dev.paymux.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.chain.TransferSink;
import dev.paymux.core.money.Asset;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a watcher's reports do to payments, the ledger and the merchant API: detection, confirmations,
 * over- and underpayment, several transfers, late transfers, reorgs, replays, commission and payouts.
 * USDT_TRC20 needs 19 confirmations by default.
 */
class SettlementApiTest extends ApiTest {

    @Autowired
    TransferSink sink;

    @Autowired
    JdbcClient jdbc;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Test
    void anExactTransferGoesPendingConfirmingCompletedAndReachesTheBalance() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        setCommission(m, "1.5");
        JsonNode p = create(m, "100");
        String id = p.get("payment_id").asString();
        String address = p.get("pay_address").asString();
        BigDecimal amount = new BigDecimal(p.get("amount").asString());

        sink.observed(transfer("tx1", address, amount, 1000L));
        JsonNode s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("confirming");
        assertThat(s.get("amount_received").decimalValue()).isEqualByComparingTo(amount);
        assertThat(s.get("tx_hash").asString()).isEqualTo(tx("tx1"));
        assertThat(balance(m).get("pending").decimalValue()).isEqualByComparingTo(amount);

        sink.tip(Chain.TRON, 1010, null, clock.instant());
        s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("confirming");
        assertThat(s.get("confirmations").asInt()).isEqualTo(11);

        sink.tip(Chain.TRON, 1018, null, clock.instant());
        s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("completed");
        assertThat(s.get("confirmations").asInt()).isEqualTo(19);
        assertThat(s.get("confirmed_at").isNull()).isFalse();

        JsonNode b = balance(m);
        BigDecimal fee = amount.multiply(new BigDecimal("0.015")).setScale(6, java.math.RoundingMode.DOWN);
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo(amount.subtract(fee));
        assertThat(b.get("total_commission").decimalValue()).isEqualByComparingTo(fee);
        assertThat(b.get("total_received").decimalValue()).isEqualByComparingTo(amount);
        assertThat(events(id)).containsExactly("payment.confirming", "payment.completed");
    }

    @Test
    void reportingEverythingAgainChangesNothing() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "50");
        String address = p.get("pay_address").asString();
        BigDecimal amount = new BigDecimal(p.get("amount").asString());
        for (int i = 0; i < 3; i++) {
            sink.observed(transfer("tx1", address, amount, 2000L));
            sink.tip(Chain.TRON, 2030, null, clock.instant());
        }
        assertThat(status(m, p.get("payment_id").asString()).get("status").asString()).isEqualTo("completed");
        assertThat(balance(m).get("available").decimalValue()).isEqualByComparingTo(amount);
        assertThat(events(p.get("payment_id").asString())).containsExactly("payment.confirming", "payment.completed");
    }

    @Test
    void moreIsOverpaidLessIsUnderpaidAndToleranceCountsAsPaid() {
        Merchant m1 = newStore(List.of("USDT_TRC20"), 1);
        Merchant m2 = newStore(List.of("USDT_TRC20"), 1);
        Merchant m3 = newStore(List.of("USDT_TRC20"), 1);
        admin().send("PATCH", "/admin/v1/stores/" + m3.storeId(), "{\"underpaid_tolerance_percent\": 1}");
        JsonNode over = create(m1, "10");
        JsonNode under = create(m2, "20");
        JsonNode tolerated = create(m3, "30");
        pay(over, "tx-over", amountOf(over).add(new BigDecimal("5")), 3000L);
        pay(under, "tx-under", amountOf(under).subtract(new BigDecimal("5")), 3000L);
        pay(tolerated, "tx-tol", amountOf(tolerated).subtract(new BigDecimal("0.2")), 3000L);
        sink.tip(Chain.TRON, 3018, null, clock.instant());
        assertThat(statusOf(m1, over)).isEqualTo("overpaid");
        assertThat(statusOf(m2, under)).isEqualTo("underpaid");
        assertThat(statusOf(m3, tolerated)).isEqualTo("completed");
        assertThat(events(over.get("payment_id").asString())).containsExactly("payment.confirming", "payment.overpaid");
        assertThat(events(under.get("payment_id").asString())).containsExactly("payment.confirming", "payment.underpaid");
    }

    @Test
    void onAPoolAddressTheUniqueAmountPicksThePaymentAndAnAmbiguousOneIsLeftUnmatched() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode first = create(m, "10");
        JsonNode second = create(m, "10");
        assertThat(second.get("pay_address").asString()).isEqualTo(first.get("pay_address").asString());
        assertThat(amountOf(second)).isNotEqualByComparingTo(amountOf(first));
        pay(second, "tx-second", amountOf(second), 3100L);
        assertThat(statusOf(m, second)).isEqualTo("confirming");
        assertThat(statusOf(m, first)).isEqualTo("pending");
        pay(first, "tx-neither", new BigDecimal("10.5"), 3100L);
        assertThat(statusOf(m, first)).isEqualTo("pending");
        assertThat(jdbc.sql("select match from chain_transfers where tx_hash = :tx").param("tx", tx("tx-neither"))
                .query(String.class).single()).isEqualTo("unmatched");
    }

    @Test
    void severalTransfersAddUpAndAnUnderpaidPaymentCanBeToppedUp() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "100");
        String address = p.get("pay_address").asString();
        BigDecimal amount = amountOf(p);
        // A lone open payment on the address takes any amount.
        sink.observed(transfer("part1", address, new BigDecimal("60"), 4000L));
        sink.tip(Chain.TRON, 4018, null, clock.instant());
        assertThat(statusOf(m, p)).isEqualTo("underpaid");
        sink.observed(transfer("part2", address, amount.subtract(new BigDecimal("60")), 4020L));
        assertThat(statusOf(m, p)).isEqualTo("confirming");
        sink.tip(Chain.TRON, 4038, null, clock.instant());
        JsonNode s = status(m, p.get("payment_id").asString());
        assertThat(s.get("status").asString()).isEqualTo("completed");
        assertThat(s.get("amount_received").decimalValue()).isEqualByComparingTo(amount);
        assertThat(s.get("tx_hash").asString()).isEqualTo(tx("part2"));
        assertThat(balance(m).get("available").decimalValue()).isEqualByComparingTo(amount);
    }

    @Test
    void aReorgThatRemovesTheTransferNeverCompletesThePayment() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "70");
        sink.observed(transfer("tx-orphan", p.get("pay_address").asString(), amountOf(p), 5000L));
        assertThat(statusOf(m, p)).isEqualTo("confirming");
        sink.blockOrphaned(Chain.TRON, block(5000L));
        assertThat(statusOf(m, p)).isEqualTo("pending");
        sink.tip(Chain.TRON, 5100, null, clock.instant());
        assertThat(statusOf(m, p)).isEqualTo("pending");
        JsonNode b = balance(m);
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("total_received").decimalValue()).isEqualByComparingTo("0");
        assertThat(events(p.get("payment_id").asString())).containsExactly("payment.confirming");
    }

    @Test
    void aTransferMinedAgainInAnotherBlockAfterAReorgStillCompletes() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "80");
        String address = p.get("pay_address").asString();
        sink.observed(transfer("tx-re", address, amountOf(p), 6000L));
        sink.blockOrphaned(Chain.TRON, block(6000L));
        sink.observed(transfer("tx-re", address, amountOf(p), 6001L));
        sink.tip(Chain.TRON, 6019, null, clock.instant());
        assertThat(statusOf(m, p)).isEqualTo("completed");
        JsonNode b = balance(m);
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo(amountOf(p));
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aLateTransferInsideTheWindowCompletesAndOneAfterItIsUnmatched() {
        Merchant m = newStore(List.of("USDT_TRC20"), 2);
        JsonNode late = create(m, "11");
        JsonNode tooLate = create(m, "12");
        clock.advance(Duration.ofHours(1));
        int expired = expireNow();
        assertThat(expired).isGreaterThanOrEqualTo(2);
        assertThat(statusOf(m, late)).isEqualTo("expired");
        pay(late, "tx-late", amountOf(late), 7000L);
        sink.tip(Chain.TRON, 7018, null, clock.instant());
        assertThat(statusOf(m, late)).isEqualTo("completed");
        assertThat(jdbc.sql("select match from chain_transfers where tx_hash = :tx").param("tx", tx("tx-late"))
                .query(String.class).single()).isEqualTo("late");

        clock.advance(Duration.ofHours(25));
        pay(tooLate, "tx-too-late", amountOf(tooLate), 7100L);
        assertThat(statusOf(m, tooLate)).isEqualTo("expired");
        Http.Response unmatched = admin().send("GET", "/admin/v1/chain/transfers?match=unmatched&limit=1000", null);
        assertThat(unmatched.status()).isEqualTo(200);
        assertThat(unmatched.body()).contains(tx("tx-too-late")).contains(m.storeId());
    }

    @Test
    void payoutsMoveAvailableToWithdrawnAndNeverOverdraw() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        JsonNode p = create(m, "40");
        pay(p, "tx-payout", amountOf(p), 8000L);
        sink.tip(Chain.TRON, 8018, null, clock.instant());
        BigDecimal available = balance(m).get("available").decimalValue();

        Http.Response over = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/payouts",
                "{\"asset\":\"USDT_TRC20\",\"amount\":\"" + available.add(BigDecimal.ONE).toPlainString()
                        + "\",\"reference\":\"po-1\"}");
        assertThat(over.status()).as(over.body()).isEqualTo(422);
        assertThat(over.json().get("success").asBoolean()).isFalse();
        assertThat(over.error()).contains("exceeds the available balance");

        String body = "{\"asset\":\"USDT_TRC20\",\"amount\":\"30\",\"reference\":\"po-1\",\"note\":\"weekly\"}";
        Http.Response ok = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/payouts", body);
        assertThat(ok.status()).as(ok.body()).isEqualTo(201);
        assertThat(ok.data().get("amount").asString()).isEqualTo("30.00");
        Http.Response again = admin().send("POST", "/admin/v1/stores/" + m.storeId() + "/payouts", body);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("payout_id").asString()).isEqualTo(ok.data().get("payout_id").asString());

        JsonNode b = balance(m);
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo(available.subtract(new BigDecimal("30")));
        assertThat(b.get("total_withdrawn").decimalValue()).isEqualByComparingTo("30");
        assertThat(b.get("total_received").decimalValue()).isEqualByComparingTo(amountOf(p));
        Http.Response list = admin().send("GET", "/admin/v1/stores/" + m.storeId() + "/payouts", null);
        assertThat(list.data()).hasSize(1);
    }

    @Test
    void badPayoutAndCommissionInputIsA400ThatWritesNothing() {
        Merchant m = newStore(List.of("USDT_TRC20"), 1);
        String base = "/admin/v1/stores/" + m.storeId();
        for (String body : List.of("{}", "[]", "not json", "{\"asset\":\"DOGE\",\"amount\":\"1\",\"reference\":\"r\"}",
                "{\"asset\":\"USDT_TRC20\",\"amount\":\"-1\",\"reference\":\"r\"}",
                "{\"asset\":\"USDT_TRC20\",\"amount\":\"1.1234567\",\"reference\":\"r\"}",
                "{\"asset\":\"USDT_TRC20\",\"amount\":\"1\"}")) {
            Http.Response r = admin().send("POST", base + "/payouts", body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
            assertThat(r.json().get("success").asBoolean()).isFalse();
        }
        for (String body : List.of("{\"percent\":-1}", "{\"percent\":100}", "{\"percent\":\"abc\"}",
                "{\"percent\":1.00001}", "{}")) {
            Http.Response r = admin().send("PUT", base + "/commission", body);
            assertThat(r.status()).as(body + " -> " + r.body()).isEqualTo(400);
        }
        assertThat(admin().send("GET", base + "/commission", null).data().get("commission_percent").decimalValue())
                .isEqualByComparingTo("0");
        assertThat(admin().send("GET", base + "/payouts", null).data()).isEmpty();
        assertThat(admin().send("POST", "/admin/v1/stores/" + UUID.randomUUID() + "/payouts",
                "{\"asset\":\"USDT_TRC20\",\"amount\":\"1\",\"reference\":\"r\"}").status()).isEqualTo(404);
    }

    // --- helpers

    @Autowired
    dev.paymux.core.payment.PaymentService payments;

    private int expireNow() {
        return payments.expireDue();
    }

    private void setCommission(Merchant m, String percent) {
        Http.Response r = admin().send("PUT", "/admin/v1/stores/" + m.storeId() + "/commission",
                "{\"percent\":\"" + percent + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    private JsonNode create(Merchant m, String amount) {
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"" + amount + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.data().get("status").asString()).isEqualTo("pending");
        return r.data();
    }

    private void pay(JsonNode payment, String tx, BigDecimal amount, long height) {
        sink.observed(transfer(tx, payment.get("pay_address").asString(), amount, height));
    }

    private static BigDecimal amountOf(JsonNode payment) {
        return new BigDecimal(payment.get("amount").asString());
    }

    private JsonNode status(Merchant m, String id) {
        Http.Response r = m.get("/api/v1/payment/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private String statusOf(Merchant m, JsonNode payment) {
        return status(m, payment.get("payment_id").asString()).get("status").asString();
    }

    private JsonNode balance(Merchant m) {
        return m.get("/api/v1/merchant/balance").data().get("USDT_TRC20");
    }

    private List<String> events(String paymentId) {
        return jdbc.sql("select type from webhook_events where payment_id = :p order by seq")
                .param("p", UUID.fromString(paymentId)).query(String.class).list();
    }

    private String tx(String name) {
        return run + "-" + name;
    }

    private String block(long height) {
        return run + "-block-" + height;
    }

    private ChainTransfer transfer(String name, String to, BigDecimal amount, Long height) {
        return new ChainTransfer(new TransferKey(Chain.TRON, tx(name), 0), Asset.USDT_TRC20, to, amount, height,
                height == null ? null : block(height), clock.instant());
    }
}
