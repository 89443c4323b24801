package dev.paymux.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.chain.ChainCursors;
import dev.paymux.core.chain.WatchedAddresses;
import dev.paymux.core.settlement.ChainSettlement;
import dev.paymux.onchain.evm.EthereumWatcher;
import dev.paymux.onchain.evm.EthereumWatcherConfig;
import dev.paymux.onchain.evm.HardhatNode;
import dev.paymux.onchain.evm.LocalChain;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The whole native path on a real local chain (Hardhat): a transfer to a payment's address, seen by the
 * Ethereum watcher, drives the payment through its statuses into the merchant's balance. The watcher is
 * polled explicitly; ETH and USDT_ERC20 need 12 confirmations.
 */
class EthereumSettlementTest extends ApiTest {

    private static HardhatNode node;
    private static LocalChain chain;
    private static String token;

    @Autowired
    ChainCursors cursors;

    @Autowired
    ChainSettlement settlement;

    @Autowired
    WatchedAddresses addresses;

    @BeforeAll
    static void startChain() throws Exception {
        node = HardhatNode.start();
        chain = new LocalChain(node.url());
        token = chain.deployToken(BigInteger.TEN.pow(18));
    }

    @AfterAll
    static void stopChain() {
        if (chain != null) {
            chain.close();
        }
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anEthTransferGoesPendingConfirmingCompletedIntoTheBalance() throws Exception {
        Merchant m = newStore(List.of("ETH"), 1);
        JsonNode p = create(m, "0.5");
        String id = p.get("payment_id").asString();
        BigDecimal amount = new BigDecimal(p.get("amount").asString());
        assertThat(status(m, id).get("status").asString()).isEqualTo("pending");

        String tx = chain.sendEth(p.get("pay_address").asString(), amount).getTransactionHash();
        catchUp();
        JsonNode s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("confirming");
        assertThat(s.get("tx_hash").asString()).isEqualTo(tx);
        assertThat(s.get("confirmations").asInt()).isEqualTo(1);
        assertThat(balance(m, "ETH").get("pending").decimalValue()).isEqualByComparingTo(amount);

        chain.mine(10);
        catchUp();
        assertThat(status(m, id).get("status").asString()).isEqualTo("confirming");
        assertThat(status(m, id).get("confirmations").asInt()).isEqualTo(11);

        chain.mine(1);
        catchUp();
        s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("completed");
        assertThat(s.get("amount_received").decimalValue()).isEqualByComparingTo(amount);
        JsonNode b = balance(m, "ETH");
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo(amount);
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("total_received").decimalValue()).isEqualByComparingTo(amount);
    }

    @Test
    void usdtOverAndUnderpaymentsAreRecognised() throws Exception {
        Merchant overStore = newStore(List.of("USDT_ERC20"), 1);
        Merchant underStore = newStore(List.of("USDT_ERC20"), 1);
        JsonNode over = create(overStore, "25");
        JsonNode under = create(underStore, "25");
        BigDecimal expected = new BigDecimal(over.get("amount").asString());
        chain.sendToken(token, over.get("pay_address").asString(), units(expected.add(new BigDecimal("3.5"))));
        chain.sendToken(token, under.get("pay_address").asString(),
                units(new BigDecimal(under.get("amount").asString()).subtract(BigDecimal.TEN)));
        catchUp();
        assertThat(status(overStore, over.get("payment_id").asString()).get("status").asString()).isEqualTo("confirming");
        chain.mine(12);
        catchUp();
        JsonNode o = status(overStore, over.get("payment_id").asString());
        assertThat(o.get("status").asString()).isEqualTo("overpaid");
        assertThat(o.get("amount_received").decimalValue()).isEqualByComparingTo(expected.add(new BigDecimal("3.5")));
        assertThat(status(underStore, under.get("payment_id").asString()).get("status").asString()).isEqualTo("underpaid");
        assertThat(balance(overStore, "USDT_ERC20").get("available").decimalValue())
                .isEqualByComparingTo(expected.add(new BigDecimal("3.5")));
    }

    @Test
    void aReorgThatRemovesTheTransferNeverCompletesThePayment() throws Exception {
        Merchant m = newStore(List.of("ETH"), 1);
        JsonNode p = create(m, "0.25");
        String id = p.get("payment_id").asString();
        catchUp();
        String snapshot = chain.snapshot();
        chain.sendEth(p.get("pay_address").asString(), new BigDecimal(p.get("amount").asString()));
        catchUp();
        assertThat(status(m, id).get("status").asString()).isEqualTo("confirming");

        chain.revert(snapshot);
        chain.mine(3);
        catchUp();
        assertThat(status(m, id).get("status").asString()).isEqualTo("pending");
        chain.mine(20);
        catchUp();
        JsonNode s = status(m, id);
        assertThat(s.get("status").asString()).isEqualTo("pending");
        assertThat(s.get("amount_received").decimalValue()).isEqualByComparingTo("0");
        JsonNode b = balance(m, "ETH");
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aWatcherKilledMidRangeResumesWithNothingSkippedAndNothingAppliedTwice() throws Exception {
        Merchant m = newStore(List.of("ETH"), 1);
        List<JsonNode> payments = List.of(create(m, "0.1"), create(m, "0.1"), create(m, "0.1"));
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode p : payments) {
            BigDecimal amount = new BigDecimal(p.get("amount").asString());
            total = total.add(amount);
            chain.sendEth(p.get("pay_address").asString(), amount);
        }
        // The first instance dies while reporting the second transfer, after the first was applied.
        java.util.concurrent.atomic.AtomicInteger reports = new java.util.concurrent.atomic.AtomicInteger();
        dev.paymux.core.chain.TransferSink dying = new WithoutFinality(settlement) {
            @Override
            public void observed(dev.paymux.core.chain.ChainTransfer transfer) {
                if (reports.incrementAndGet() == 2) {
                    throw new IllegalStateException("killed");
                }
                super.observed(transfer);
            }
        };
        EthereumWatcherConfig config = EthereumWatcherConfig.defaults(node.url()).withUsdtContract(token, 6)
                .withStartBlock(0L).withMaxBlocksPerPoll(1);
        try (EthereumWatcher first = new EthereumWatcher(config, cursors, dying, addresses, clock)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> {
                for (int i = 0; i < 1000; i++) {
                    if (!first.poll()) {
                        break;
                    }
                }
            }).hasMessageContaining("killed");
        }
        assertThat(payments.stream().filter(p -> status(m, p.get("payment_id").asString()).get("status").asString()
                .equals("confirming")).count()).isEqualTo(1);

        catchUp();
        chain.mine(12);
        catchUp();
        catchUp();
        for (JsonNode p : payments) {
            assertThat(status(m, p.get("payment_id").asString()).get("status").asString()).isEqualTo("completed");
        }
        JsonNode b = balance(m, "ETH");
        assertThat(b.get("available").decimalValue()).isEqualByComparingTo(total);
        assertThat(b.get("total_received").decimalValue()).isEqualByComparingTo(total);
        assertThat(b.get("pending").decimalValue()).isEqualByComparingTo("0");
    }

    /** A fresh watcher each time, as after a restart: it resumes from the cursor in the database. */
    private void catchUp() {
        EthereumWatcherConfig config = EthereumWatcherConfig.defaults(node.url()).withUsdtContract(token, 6)
                .withStartBlock(0L);
        try (EthereumWatcher watcher = new EthereumWatcher(config, cursors, new WithoutFinality(settlement), addresses,
                clock)) {
            for (int i = 0; i < 100 && watcher.poll(); i++) {
                // keep reading until caught up
            }
        }
    }

    private static BigInteger units(BigDecimal usdt) {
        return usdt.movePointRight(6).toBigIntegerExact();
    }

    private JsonNode create(Merchant m, String amount) {
        Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"" + amount + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private JsonNode status(Merchant m, String id) {
        Http.Response r = m.get("/api/v1/payment/" + id);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.data();
    }

    private JsonNode balance(Merchant m, String asset) {
        return m.get("/api/v1/merchant/balance").data().get(asset);
    }
}
