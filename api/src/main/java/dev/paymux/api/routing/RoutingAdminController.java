package dev.paymux.api.routing;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.provider.ProviderRegistry;
import dev.paymux.api.web.Actors;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.api.web.Times;
import dev.paymux.core.routing.RoutingReports;
import dev.paymux.core.routing.RoutingRules;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A store's routing: on or off, and the operator's rules (pin, exclude, weights). */
@RestController
@Tag(name = "Admin: routing", description = "Routing by cost (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class RoutingAdminController {

    private final StoreRoutings routings;
    private final Stores stores;
    private final ProviderRegistry registry;
    private final JsonMapper json;
    private final Transactions tx;
    private final Clock clock;
    private final RoutingReports reports;

    RoutingAdminController(StoreRoutings routings, Stores stores, ProviderRegistry registry, JsonMapper json,
            Transactions tx, Clock clock, RoutingReports reports) {
        this.reports = reports;
        this.routings = routings;
        this.stores = stores;
        this.registry = registry;
        this.json = json;
        this.tx = tx;
        this.clock = clock;
    }

    record RoutingView(@JsonProperty("store_id") String storeId, boolean enabled, String pinned, List<String> excluded,
            Map<String, Integer> weights, @JsonProperty("pass_fees") boolean passFees) {
        static RoutingView of(StoreId store, StoreRouting r) {
            return new RoutingView(store.toString(), r.enabled(), r.rules().pinned(),
                    r.rules().excluded().stream().sorted().toList(), new TreeMap<>(r.rules().weights()), r.passFees());
        }
    }

    @GetMapping("/admin/v1/stores/{storeId}/routing")
    @Operation(summary = "A store's routing settings")
    ApiResponse<RoutingView> get(@PathVariable String storeId) {
        Store store = store(storeId);
        return ApiResponse.ok(RoutingView.of(store.id(),
                tx.inTransaction(() -> routings.find(store.id())).orElse(StoreRouting.off())));
    }

    @PutMapping("/admin/v1/stores/{storeId}/routing")
    @Operation(summary = "Route a store's payments by cost",
            description = "Body: {\"enabled\": true, \"pinned\": null, \"excluded\": [\"native\"], "
                    + "\"weights\": {\"cryptomus-eu\": 150}, \"pass_fees\": false}. enabled is required; the rest "
                    + "default to no rule. pass_fees: the customer pays the chosen instance's fee on top of the price. "
                    + "A weight (1-10000, default 100) divides the cost the router compares: 200 makes an "
                    + "instance look half as expensive. Instance names must be configured.")
    ApiResponse<RoutingView> put(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = store(storeId);
        JsonNode root = JsonBodies.object(request, json);
        JsonNode enabled = root.get("enabled");
        if (enabled == null || !enabled.isBoolean()) {
            throw badRequest("enabled is required (true or false)");
        }
        String pinned = null;
        JsonNode p = root.get("pinned");
        if (p != null && !p.isNull()) {
            if (!p.isString()) {
                throw badRequest("pinned must be a provider instance name or null");
            }
            pinned = known(p.asString(), "pinned");
        }
        Set<String> excluded = new LinkedHashSet<>();
        JsonNode x = root.get("excluded");
        if (x != null && !x.isNull()) {
            if (!x.isArray()) {
                throw badRequest("excluded must be an array of provider instance names");
            }
            for (JsonNode n : x) {
                if (!n.isString()) {
                    throw badRequest("excluded must be an array of provider instance names");
                }
                excluded.add(known(n.asString(), "excluded"));
            }
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        JsonNode w = root.get("weights");
        if (w != null && !w.isNull()) {
            if (!w.isObject()) {
                throw badRequest("weights must be an object of instance name to integer weight");
            }
            for (var e : w.properties()) {
                String instance = known(e.getKey(), "weights");
                JsonNode v = e.getValue();
                if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > 10_000) {
                    throw badRequest("the weight of " + instance + " must be an integer from 1 to 10000");
                }
                weights.put(instance, v.asInt());
            }
        }
        if (pinned != null && excluded.contains(pinned)) {
            throw badRequest("the pinned instance " + pinned + " is also excluded");
        }
        JsonNode passFees = root.get("pass_fees");
        if (passFees != null && !passFees.isNull() && !passFees.isBoolean()) {
            throw badRequest("pass_fees must be true or false");
        }
        StoreRouting routing = new StoreRouting(enabled.asBoolean(), new RoutingRules(pinned, excluded, weights),
                passFees != null && passFees.asBoolean(false));
        String actor = Actors.of(request);
        RoutingView view = RoutingView.of(store.id(), routing);
        String detail = json.writeValueAsString(view);
        tx.inTransaction(() -> {
            routings.save(store.id(), routing, clock.instant(), actor, detail);
            return null;
        });
        return ApiResponse.ok(view);
    }

    record ChangeView(long id, String at, String actor, JsonNode routing) {
    }

    @GetMapping("/admin/v1/stores/{storeId}/routing/changes")
    @Operation(summary = "Who changed a store's routing, and to what",
            description = "Newest first; query limit (1-500, default 50). The actor is the X-Paymux-Actor header of "
                    + "the change, else operator.")
    ApiResponse<List<ChangeView>> changes(@PathVariable String storeId,
            @RequestParam(name = "limit", defaultValue = "50") String limit) {
        Store store = store(storeId);
        int n = limit.matches("\\d{1,3}") ? Integer.parseInt(limit) : -1;
        if (n < 1 || n > 500) {
            throw badRequest("limit must be an integer from 1 to 500");
        }
        return ApiResponse.ok(tx.inTransaction(() -> routings.changes(store.id(), n)).stream()
                .map(c -> new ChangeView(c.id(), Times.iso(c.at()), c.actor(), json.readTree(c.detailJson()))).toList());
    }

    record TotalsView(String currency, String volume, String cost, String saving) {
    }

    record InstanceMetricsView(String instance, long payments, Map<String, Long> attempts,
            @JsonProperty("success_rate") String successRate, @JsonProperty("mean_latency_ms") long meanLatencyMs,
            List<TotalsView> totals) {
        static InstanceMetricsView of(RoutingReports.InstanceReport r) {
            Map<String, Long> attempts = new LinkedHashMap<>();
            attempts.put("created", r.created());
            attempts.put("rejected", r.rejected());
            attempts.put("abandoned", r.abandoned());
            return new InstanceMetricsView(r.instance(), r.payments(), attempts, r.successRate().toPlainString(),
                    r.meanLatencyMillis(), r.totals().stream().map(t -> new TotalsView(t.currency(),
                            RouteViews.text(t.volume()), RouteViews.text(t.cost()), RouteViews.text(t.saving()))).toList());
        }
    }

    record MetricsView(String since, List<InstanceMetricsView> instances, List<TotalsView> totals) {
    }

    @GetMapping("/admin/v1/routing/metrics")
    @Operation(summary = "What routing did, per provider instance",
            description = "Query: since (ISO instant or date, default 24 hours ago). Per instance: routed payments it "
                    + "holds, attempts by outcome, success rate (percent), mean latency of successful creates, and per "
                    + "cost currency the volume taken, its cost and the saving against the most expensive eligible "
                    + "candidate; totals per currency across instances.")
    ApiResponse<MetricsView> metrics(@RequestParam(name = "since", required = false) String since) {
        Instant from = since == null ? clock.instant().minus(Duration.ofHours(24)) : Times.parse(since, false)
                .orElseThrow(() -> badRequest("since must be an ISO instant or date, e.g. 2026-11-01 or 2026-11-01T00:00:00Z"));
        List<RoutingReports.InstanceReport> rows = tx.inTransaction(() -> reports.since(from));
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        for (var r : rows) {
            for (var t : r.totals()) {
                BigDecimal[] s = sums.computeIfAbsent(t.currency(),
                        c -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
                s[0] = s[0].add(t.volume());
                s[1] = s[1].add(t.cost());
                s[2] = s[2].add(t.saving());
            }
        }
        List<TotalsView> totals = sums.entrySet().stream().map(e -> new TotalsView(e.getKey(),
                RouteViews.text(e.getValue()[0]), RouteViews.text(e.getValue()[1]), RouteViews.text(e.getValue()[2])))
                .toList();
        return ApiResponse.ok(new MetricsView(from.toString(), rows.stream().map(InstanceMetricsView::of).toList(),
                totals));
    }

    private String known(String instance, String field) {
        return registry.find(instance).map(i -> i.instance())
                .orElseThrow(() -> badRequest(field + ": no provider instance is named '" + instance + "'"));
    }

    private Store store(String storeId) {
        return StoreId.parse(storeId).flatMap(stores::findById).orElseThrow(() -> ApiException.notFound("store not found"));
    }
}
