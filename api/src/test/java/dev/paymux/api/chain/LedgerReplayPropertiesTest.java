package dev.paymux.api.chain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.api.PaymuxApplication;
import dev.paymux.api.support.Admin;
import dev.paymux.api.support.ApiTest;
import dev.paymux.api.support.Http;
import dev.paymux.api.support.Merchant;
import dev.paymux.core.chain.Chain;
import dev.paymux.core.chain.ChainTransfer;
import dev.paymux.core.chain.TransferKey;
import dev.paymux.core.ledger.Balance;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.money.Asset;
import dev.paymux.core.settlement.ChainSettlement;
import dev.paymux.core.store.StoreId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Properties of settlement over any sequence of watcher polls (transfers seen in the mempool or a
 * block, dropped, blocks orphaned, the tip moving): every journal entry balances, and replaying the
 * whole sequence — what a watcher does after a crash — leaves balances and statuses exactly as they were.
 * Runs against the real gateway and its PostgreSQL, started once for this class.
 */
class LedgerReplayPropertiesTest {

    private static ConfigurableApplicationContext app;
    private static final AtomicLong HEIGHTS = new AtomicLong(10_000_000);

    /** What a watcher may report within one poll. */
    sealed interface Event permits Seen, Dropped, Orphaned {
    }

    /** Transfer {@code transfer} seen at {@code height} (null: mempool). */
    record Seen(int transfer, Integer height) implements Event {
    }

    record Dropped(int transfer) implements Event {
    }

    record Orphaned(int height) implements Event {
    }

    /** A poll: some events, then the tip it ended at. */
    record Poll(List<Event> events, int tip) {
    }

    @Provide
    Arbitrary<List<Poll>> polls() {
        Arbitrary<Event> seen = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 25).injectNull(0.2)).as(Seen::new);
        Arbitrary<Event> dropped = Arbitraries.integers().between(0, 2).map(Dropped::new);
        Arbitrary<Event> orphaned = Arbitraries.integers().between(1, 25).map(Orphaned::new);
        Arbitrary<Event> event = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, seen), net.jqwik.api.Tuple.of(1, dropped), net.jqwik.api.Tuple.of(2, orphaned));
        Arbitrary<Poll> poll = Combinators.combine(event.list().ofMaxSize(4), Arbitraries.integers().between(0, 50))
                .as(Poll::new);
        return poll.list().ofMinSize(1).ofMaxSize(6);
    }

    @Property(tries = 25)
    void theJournalBalancesAndReplayingChangesNothing(@ForAll("polls") List<Poll> polls) {
        ConfigurableApplicationContext ctx = app();
        ChainSettlement sink = ctx.getBean(ChainSettlement.class);
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        Ledger ledger = ctx.getBean(Ledger.class);

        Merchant m = admin(ctx).createStore(List.of("USDT_TRC20"), 1, Clock.systemUTC());
        StoreId store = StoreId.parse(m.storeId()).orElseThrow();
        List<String> paymentIds = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        String address = null;
        for (int i = 0; i < 2; i++) {
            Http.Response r = m.post("/api/v1/payment/create", "{\"amount\":\"10\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            paymentIds.add(r.data().get("payment_id").asString());
            amounts.add(new BigDecimal(r.data().get("amount").asString()));
            address = r.data().get("pay_address").asString();
        }
        // Transfers 0 and 1 pay the two payments exactly; transfer 2 is an odd amount on the same address.
        List<BigDecimal> transferAmounts = List.of(amounts.get(0), amounts.get(1), new BigDecimal("3.5"));
        String run = UUID.randomUUID().toString();
        long base = HEIGHTS.addAndGet(1_000);
        List<Runnable> script = script(polls, sink, run, base, address, transferAmounts);

        script.forEach(Runnable::run);
        assertJournalBalances(jdbc, store);
        Balance once = ledger.balances(store).getOrDefault(Asset.USDT_TRC20, Balance.zero());
        List<String> statusesOnce = statuses(jdbc, paymentIds);

        script.forEach(Runnable::run);
        assertJournalBalances(jdbc, store);
        Balance twice = ledger.balances(store).getOrDefault(Asset.USDT_TRC20, Balance.zero());
        assertThat(same(twice, once)).as("replayed %s, once %s", twice, once).isTrue();
        assertThat(statuses(jdbc, paymentIds)).isEqualTo(statusesOnce);
        assertThat(once.pending().signum()).isGreaterThanOrEqualTo(0);
        assertThat(once.available().signum()).isGreaterThanOrEqualTo(0);
    }

    /**
     * Turns polls into concrete calls, as a watcher makes them: the tip it reports at the end of a poll is
     * at least every block it reported in the poll and never lower than the previous one. A block hash is
     * fixed by its height and how many times that height was orphaned before, so a replay reports exactly
     * the same blocks as the first run did. A watcher reports a transfer dropped only after it reported the
     * transfer, so a drop of a transfer not yet seen in the script is left out: replayed after the transfer
     * was seen, it would remove money the first run never removed (and a payment completed by that removal
     * stays completed).
     */
    private static List<Runnable> script(List<Poll> polls, ChainSettlement sink, String run, long base, String address,
            List<BigDecimal> amounts) {
        Map<Integer, Integer> forks = new HashMap<>();
        List<Runnable> calls = new ArrayList<>();
        Instant at = Instant.now();
        int lastTip = 0;
        Set<Integer> reported = new HashSet<>();
        for (Poll poll : polls) {
            int highestSeen = poll.events().stream().filter(e -> e instanceof Seen s && s.height() != null)
                    .mapToInt(e -> ((Seen) e).height()).max().orElse(0);
            lastTip = Math.max(lastTip, Math.max(poll.tip(), highestSeen));
            for (Event e : poll.events()) {
                if (e instanceof Seen s) {
                    reported.add(s.transfer());
                    Long height = s.height() == null ? null : base + s.height();
                    String hash = s.height() == null ? null : run + "-" + s.height() + "-" + forks.getOrDefault(s.height(), 0);
                    ChainTransfer t = new ChainTransfer(key(run, s.transfer()), Asset.USDT_TRC20, address,
                            amounts.get(s.transfer()), height, hash, at);
                    calls.add(() -> sink.observed(t));
                } else if (e instanceof Dropped d && reported.contains(d.transfer())) {
                    TransferKey key = key(run, d.transfer());
                    calls.add(() -> sink.dropped(key, "replaced"));
                } else if (e instanceof Orphaned o) {
                    String hash = run + "-" + o.height() + "-" + forks.getOrDefault(o.height(), 0);
                    forks.merge(o.height(), 1, Integer::sum);
                    calls.add(() -> sink.blockOrphaned(Chain.TRON, hash));
                }
            }
            long tip = base + lastTip;
            calls.add(() -> sink.tip(Chain.TRON, tip, null, at));
        }
        return calls;
    }

    private static TransferKey key(String run, int transfer) {
        return new TransferKey(Chain.TRON, run + "-tx" + transfer, 0);
    }

    private static void assertJournalBalances(JdbcClient jdbc, StoreId store) {
        assertThat(jdbc.sql("""
                select count(*) from (select entry_id, asset from postings group by entry_id, asset
                                      having sum(amount) <> 0) unbalanced
                """).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select coalesce(sum(amount), 0) from postings where store_id = :s")
                .param("s", store.value()).query(BigDecimal.class).single()).isEqualByComparingTo("0");
    }

    private static boolean same(Balance a, Balance b) {
        return a.available().compareTo(b.available()) == 0 && a.pending().compareTo(b.pending()) == 0
                && a.totalReceived().compareTo(b.totalReceived()) == 0
                && a.totalCommission().compareTo(b.totalCommission()) == 0
                && a.totalWithdrawn().compareTo(b.totalWithdrawn()) == 0;
    }

    private static List<String> statuses(JdbcClient jdbc, List<String> ids) {
        return ids.stream().map(id -> jdbc.sql("select status from payments where id = :id")
                .param("id", UUID.fromString(id)).query(String.class).single()).toList();
    }

    private static Admin admin(ConfigurableApplicationContext ctx) {
        String port = ctx.getEnvironment().getProperty("local.server.port");
        return new Admin(new Http("http://localhost:" + port, ctx.getBean(JsonMapper.class)), ApiTest.ADMIN_TOKEN);
    }

    private static synchronized ConfigurableApplicationContext app() {
        if (app == null) {
            try {
                app = new SpringApplicationBuilder(PaymuxApplication.class).run(
                        "--server.port=0",
                        "--paymux.admin.token=" + ApiTest.ADMIN_TOKEN,
                        "--paymux.rates.mode=fixed",
                        "--paymux.expiry.interval=1h",
                        "--paymux.webhooks.poll-interval=1h",
                        "--paymux.db.embedded.data-dir=" + Files.createTempDirectory("paymux-prop-pg"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return app;
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }
}
