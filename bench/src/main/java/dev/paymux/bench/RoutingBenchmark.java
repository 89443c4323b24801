package dev.paymux.bench;

import dev.paymux.core.spi.CallbackRequest;
import dev.paymux.core.spi.CallbackResult;
import dev.paymux.core.spi.Capabilities;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentIntent;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderPayment;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.spi.Quote;
import dev.paymux.core.routing.InstanceStats;
import dev.paymux.core.routing.RouteDecision;
import dev.paymux.core.routing.Router;
import dev.paymux.core.routing.RoutingRules;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Routing decision time per payment, in process, excluding provider calls: N provider instances with
 * four pay methods each and random fee schedules and limits, 10% of them unhealthy, one excluded by
 * rule. Prints percentiles per N. Run:
 * {@code mvn -B -q -DskipTests install && mvn -B -q -pl bench exec:java -Dbench.main=dev.paymux.bench.RoutingBenchmark}.
 * Arguments: decisions to measure per N (default 200000).
 */
public final class RoutingBenchmark {

    private static final String[] CURRENCIES = {"USDT_TRC20", "USDT_ERC20", "BTC", "ETH"};

    private RoutingBenchmark() {
    }

    public static void main(String[] args) {
        int decisions = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        for (int n : new int[] {10, 100}) {
            run(n, decisions);
        }
    }

    private static void run(int instances, int decisions) {
        Random random = new Random(42);
        List<PaymentProvider> providers = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            providers.add(new QuotingProvider("p" + i, random, i % 10 == 9));
        }
        RoutingRules rules = new RoutingRules(null, Set.of("p3"), Map.of("p5", 150));
        Router router = new Router();
        List<PaymentIntent> intents = new ArrayList<>();
        for (int i = 0; i < 1024; i++) {
            intents.add(new PaymentIntent("ref-" + i, BigDecimal.valueOf(1 + random.nextInt(5000)),
                    CURRENCIES[i % 4], CURRENCIES[i % 4], Duration.ofMinutes(30), null, null, null));
        }
        InstanceStats stats = new InstanceStats(990, 120);
        long sink = 0;
        for (int i = 0; i < decisions / 2; i++) {
            sink += router.decide(intents.get(i & 1023), providers, rules, x -> stats).candidates().size();
        }
        long[] nanos = new long[decisions];
        for (int i = 0; i < decisions; i++) {
            long t0 = System.nanoTime();
            RouteDecision d = router.decide(intents.get(i & 1023), providers, rules, x -> stats);
            nanos[i] = System.nanoTime() - t0;
            sink += d.order().size();
        }
        Arrays.sort(nanos);
        System.out.printf("routing-decision: instances=%d decisions=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f max_us=%.1f "
                        + "(checksum %d)%n", instances, decisions, nanos[decisions / 2] / 1e3,
                nanos[(int) (decisions * 0.99)] / 1e3, nanos[(int) (decisions * 0.999)] / 1e3,
                nanos[decisions - 1] / 1e3, sink % 1000);
    }

    /** An instance that quotes from a fee schedule, as every adapter does, without any I/O. */
    private static final class QuotingProvider implements PaymentProvider {

        private final String instance;
        private final Capabilities capabilities;
        private final boolean up;

        QuotingProvider(String instance, Random random, boolean down) {
            this.instance = instance;
            List<PayMethod> methods = new ArrayList<>();
            for (String c : CURRENCIES) {
                methods.add(new PayMethod(c, BigDecimal.ONE, BigDecimal.valueOf(1000 + random.nextInt(10000)),
                        new FeeSchedule(BigDecimal.valueOf(random.nextInt(300), 2), BigDecimal.valueOf(random.nextInt(100), 2),
                                BigDecimal.ZERO, BigDecimal.valueOf(random.nextInt(50), 2), BigDecimal.ZERO),
                        random.nextInt(20) != 0));
            }
            this.capabilities = new Capabilities(methods, true, true);
            this.up = !down;
        }

        @Override
        public String type() {
            return "bench";
        }

        @Override
        public String instance() {
            return instance;
        }

        @Override
        public Capabilities capabilities() {
            return capabilities;
        }

        @Override
        public Quote quote(PaymentIntent intent) {
            return Quote.fromMethods(instance, capabilities, intent, 8);
        }

        @Override
        public ProviderPayment create(PaymentIntent intent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ProviderPayment fetch(ProviderReference reference) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CallbackResult parseCallback(CallbackRequest request) {
            return new CallbackResult.Rejected("none");
        }

        @Override
        public dev.paymux.core.spi.ProviderHealth health() {
            return up ? dev.paymux.core.spi.ProviderHealth.up("ok")
                    : dev.paymux.core.spi.ProviderHealth.down("circuit open");
        }
    }
}
