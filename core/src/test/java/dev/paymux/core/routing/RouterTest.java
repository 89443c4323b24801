package dev.paymux.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymux.core.spi.PaymentIntent;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final Router router = new Router();
    private final PaymentIntent hundredUsdt = new PaymentIntent("p1", new BigDecimal("100"), "USDT_TRC20",
            "USDT_TRC20", Duration.ofMinutes(30), null, null, null);

    private final StubProvider cheap = StubProvider.of("cheap", "USDT_TRC20", "0.5", "0", null, null);
    private final StubProvider middle = StubProvider.of("middle", "USDT_TRC20", "1", "0", null, null);
    private final StubProvider dear = StubProvider.of("dear", "USDT_TRC20", "2", "0.5", null, null);

    @Test
    void theCheapestEligibleInstanceWinsAndEveryCandidateShowsItsCost() {
        RouteDecision d = router.decide(hundredUsdt, List.of(dear, middle, cheap), RoutingRules.none(),
                i -> InstanceStats.unknown());
        assertThat(d.chosen().orElseThrow().instance()).isEqualTo("cheap");
        assertThat(d.order()).extracting(Candidate::instance).containsExactly("cheap", "middle", "dear");
        assertThat(d.order()).extracting(Candidate::cost).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("0.5"), new BigDecimal("1"), new BigDecimal("2.5"));
        assertThat(d.saving()).isEqualByComparingTo("2.0");
    }

    @Test
    void rulesOverrideTheCost() {
        RouteDecision pinned = router.decide(hundredUsdt, List.of(dear, middle, cheap),
                new RoutingRules("dear", Set.of(), Map.of()), i -> InstanceStats.unknown());
        assertThat(pinned.chosen().orElseThrow().instance()).isEqualTo("dear");
        assertThat(pinned.candidates()).filteredOn(c -> !c.eligible()).extracting(Candidate::reason)
                .containsOnly("the store is pinned to dear");

        RouteDecision excluded = router.decide(hundredUsdt, List.of(dear, middle, cheap),
                new RoutingRules(null, Set.of("cheap"), Map.of()), i -> InstanceStats.unknown());
        assertThat(excluded.chosen().orElseThrow().instance()).isEqualTo("middle");
        assertThat(excluded.candidates()).filteredOn(c -> c.instance().equals("cheap")).extracting(Candidate::reason)
                .containsExactly("excluded by the store's rules");

        // Weight 300 makes "middle" (cost 1) compare as 0.33, below "cheap" (0.5).
        RouteDecision weighted = router.decide(hundredUsdt, List.of(dear, middle, cheap),
                new RoutingRules(null, Set.of(), Map.of("middle", 300)), i -> InstanceStats.unknown());
        assertThat(weighted.chosen().orElseThrow().instance()).isEqualTo("middle");
    }

    @Test
    void anOpenCircuitRemovesAnInstanceAndTheNextCheapestWins() {
        RouteDecision d = router.decide(hundredUsdt, List.of(dear, middle, cheap.down()), RoutingRules.none(),
                i -> InstanceStats.unknown());
        assertThat(d.chosen().orElseThrow().instance()).isEqualTo("middle");
        assertThat(d.candidates()).filteredOn(c -> c.instance().equals("cheap")).extracting(Candidate::reason)
                .containsExactly("unavailable: circuit open");
    }

    @Test
    void ineligibleInstancesSayWhy() {
        StubProvider btcOnly = StubProvider.of("btc-only", "BTC", "0.1", "0", null, null);
        StubProvider small = StubProvider.of("small", "USDT_TRC20", "0.1", "0", "1", "50");
        RouteDecision d = router.decide(hundredUsdt, List.of(btcOnly, small, dear), RoutingRules.none(),
                i -> InstanceStats.unknown());
        assertThat(d.chosen().orElseThrow().instance()).isEqualTo("dear");
        assertThat(d.candidates()).filteredOn(c -> !c.eligible()).extracting(Candidate::instance, Candidate::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("btc-only", "USDT_TRC20 is not supported"),
                        org.assertj.core.groups.Tuple.tuple("small", "amount 100 is outside the limits 1 .. 50"));
    }

    @Test
    void tiesGoToTheBetterSuccessRateThenTheLowerLatency() {
        StubProvider a = StubProvider.of("a", "USDT_TRC20", "1", "0", null, null);
        StubProvider b = StubProvider.of("b", "USDT_TRC20", "1", "0", null, null);
        StubProvider c = StubProvider.of("c", "USDT_TRC20", "1", "0", null, null);
        Map<String, InstanceStats> stats = Map.of("a", new InstanceStats(950, 100), "b", new InstanceStats(990, 300),
                "c", new InstanceStats(990, 200));
        RouteDecision d = router.decide(hundredUsdt, List.of(a, b, c), RoutingRules.none(), stats::get);
        assertThat(d.order()).extracting(Candidate::instance).containsExactly("c", "b", "a");
    }

    @Test
    void noEligibleInstanceMeansNoChoice() {
        RouteDecision d = router.decide(hundredUsdt, List.of(cheap.down()), RoutingRules.none(),
                i -> InstanceStats.unknown());
        assertThat(d.chosen()).isEmpty();
        assertThat(d.saving()).isEqualByComparingTo("0");
    }
}
