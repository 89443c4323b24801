package dev.paymux.dashboard.operations;

import dev.paymux.core.providers.ProviderInstances;
import dev.paymux.core.settlement.ObservedTransfers;
import dev.paymux.core.settlement.TransferRecord;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.WebhookDeliveries;
import dev.paymux.dashboard.signin.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Operators: what needs a look across all stores: webhook deliveries that failed or are held, chain
 * transfers no payment took or that came late, the watchers and their cursors; and the audit log of
 * provider setting changes.
 */
@Controller
class OperationsController {

    static final int LIMIT = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final WebhookDeliveries deliveries;
    private final ObservedTransfers transfers;
    private final WatcherConsole watchers;
    private final ProviderInstances instances;
    private final Transactions tx;
    private final Clock clock;

    OperationsController(WebhookDeliveries deliveries, ObservedTransfers transfers, WatcherConsole watchers,
            ProviderInstances instances, Transactions tx, Clock clock) {
        this.deliveries = deliveries;
        this.transfers = transfers;
        this.watchers = watchers;
        this.instances = instances;
        this.tx = tx;
        this.clock = clock;
    }

    record DeliveryRow(String eventId, String storeId, String paymentId, String type, String state, String reason,
            int attempts, Integer lastStatusCode, String lastError, String createdAt) {
        static DeliveryRow of(WebhookDeliveries.DeliveryRecord d) {
            return new DeliveryRow(d.id().toString(), d.store().toString(), d.paymentId(), d.type(), d.state(),
                    d.stateReason(), d.attempts(), d.lastStatusCode(), d.lastError(), time(d.createdAt()));
        }
    }

    record TransferRow(String chain, String txHash, int index, String asset, String toAddress, String amount,
            Long blockHeight, int confirmations, String storeId, String paymentId) {
        static TransferRow of(TransferRecord t) {
            return new TransferRow(t.key().chain().name(), t.key().txHash(), t.key().index(), t.asset().name(), t.toAddress(),
                    t.amount().stripTrailingZeros().toPlainString(), t.blockHeight(), t.confirmations(),
                    t.storeId() == null ? null : t.storeId().toString(),
                    t.paymentId() == null ? null : t.paymentId().toString());
        }
    }

    record WatcherRow(String name, String chain, boolean leading, Long height, String cursorUpdatedAt, long polls,
            String lastError) {
    }

    record AuditRow(String at, String actor, String action, String instance, String detail) {
    }

    @GetMapping("/dashboard/operator/operations")
    ModelAndView operations(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String redelivered) {
        ModelAndView page = page(me, "dashboard/operations");
        page.addObject("failed", tx.inTransaction(() -> deliveries.recentInState("failed", LIMIT)).stream()
                .map(DeliveryRow::of).toList());
        page.addObject("held", tx.inTransaction(() -> deliveries.recentInState("held", LIMIT)).stream()
                .map(DeliveryRow::of).toList());
        page.addObject("unmatched", tx.inTransaction(() -> transfers.recent(TransferRecord.Match.UNMATCHED, LIMIT)).stream()
                .map(TransferRow::of).toList());
        page.addObject("late", tx.inTransaction(() -> transfers.recent(TransferRecord.Match.LATE, LIMIT)).stream()
                .map(TransferRow::of).toList());
        page.addObject("watchers", watchers.watchers().stream().map(w -> new WatcherRow(w.name(), w.chain(), w.leading(),
                w.height(), time(w.cursorUpdatedAt()), w.polls(), w.lastError())).toList());
        page.addObject("redelivered", redelivered);
        return page;
    }

    /** Sends a failed or held event again, whichever store it belongs to. */
    @PostMapping("/dashboard/operator/webhooks/{store}/{event}/redeliver")
    String redeliver(@PathVariable String store, @PathVariable String event) {
        StoreId storeId = StoreId.parse(store).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        EventId id = EventId.parse(event).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!tx.inTransaction(() -> deliveries.redeliver(storeId, id, clock.instant()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/dashboard/operator/operations?redelivered=" + id;
    }

    @GetMapping("/dashboard/operator/audit")
    ModelAndView audit(@AuthenticationPrincipal SignedInUser me) {
        ModelAndView page = page(me, "dashboard/audit");
        page.addObject("entries", tx.inTransaction(() -> instances.audit(null, 200)).stream()
                .map(a -> new AuditRow(time(a.at()), a.actor(), a.action().toLowerCase(Locale.ROOT), a.instance(),
                        a.detailJson())).toList());
        return page;
    }

    private static ModelAndView page(SignedInUser me, String template) {
        ModelAndView page = new ModelAndView(template);
        page.addObject("me", me);
        page.addObject("section", "operations");
        return page;
    }

    private static String time(Instant at) {
        return at == null ? null : TIME.format(at);
    }

}
