package dev.paymux.api.routing;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.core.routing.Candidate;
import dev.paymux.core.routing.RouteAttempt;
import dev.paymux.core.routing.StoredRoute;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The JSON of routing decisions: amounts as strings, as everywhere in the API. */
final class RouteViews {

    private RouteViews() {
    }

    record CandidateView(String instance, String type, boolean eligible, String cost, String currency,
            @JsonProperty("effective_cost") String effectiveCost, @JsonProperty("success_rate") String successRate,
            @JsonProperty("latency_ms") long latencyMs, String reason) {
        static CandidateView of(Candidate c) {
            return new CandidateView(c.instance(), c.type(), c.eligible(), text(c.cost()), c.currency(),
                    text(c.effectiveCost()), BigDecimal.valueOf(c.successPerMille(), 1).toPlainString(),
                    c.latencyMillis(), c.reason());
        }
    }

    record AttemptView(String instance, String outcome, String error, @JsonProperty("latency_ms") Long latencyMs,
            @JsonProperty("started_at") String startedAt, @JsonProperty("finished_at") String finishedAt) {
        static AttemptView of(RouteAttempt a) {
            return new AttemptView(a.instance(), a.outcome().wire(), a.error(), a.latencyMillis(), iso(a.startedAt()),
                    iso(a.finishedAt()));
        }
    }

    record RouteView(@JsonProperty("payment_id") String paymentId, String status,
            @JsonProperty("decided_at") String decidedAt, String amount, String currency,
            @JsonProperty("pay_currency") String payCurrency, String chosen, @JsonProperty("placed_at") String placedAt,
            String cost, String saving, @JsonProperty("cost_currency") String costCurrency,
            List<CandidateView> candidates, List<AttemptView> attempts) {
        static RouteView of(String paymentId, String status, StoredRoute r, List<RouteAttempt> attempts) {
            return new RouteView(paymentId, status, iso(r.decidedAt()), text(r.amount()), r.currency(), r.payCurrency(),
                    r.planned(), r.placedAt(), text(r.placedCost()), text(r.saving()), r.costCurrency(),
                    r.candidates().stream().map(CandidateView::of).toList(),
                    attempts.stream().map(AttemptView::of).toList());
        }
    }

    static String text(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }
}
