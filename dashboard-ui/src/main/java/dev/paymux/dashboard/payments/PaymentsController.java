package dev.paymux.dashboard.payments;

import dev.paymux.core.money.Asset;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentPage;
import dev.paymux.core.payment.PaymentQuery;
import dev.paymux.core.payment.PaymentStatus;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.store.Store;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.signin.SignedInUser;
import dev.paymux.dashboard.signin.Visibility;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.http.HttpStatus;
import dev.paymux.core.payment.PaymentTimelines;
import dev.paymux.core.webhook.EventId;
import dev.paymux.core.webhook.WebhookDeliveries;
import java.time.Clock;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import tools.jackson.databind.SequenceWriter;
import tools.jackson.dataformat.csv.CsvMapper;
import tools.jackson.dataformat.csv.CsvSchema;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A store's payments with the merchant API's filters and a search by payment id, order id, address or
 * transaction hash, paginated; and one payment's page.
 */
@Controller
class PaymentsController {

    static final int PER_PAGE = 25;

    private final Visibility visibility;
    private final Payments payments;
    private final PaymentTimelines timelines;
    private final WebhookDeliveries deliveries;
    private final Transactions tx;
    private final Clock clock;

    PaymentsController(Visibility visibility, Payments payments, PaymentTimelines timelines,
            WebhookDeliveries deliveries, Transactions tx, Clock clock) {
        this.visibility = visibility;
        this.payments = payments;
        this.timelines = timelines;
        this.deliveries = deliveries;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping("/dashboard/stores/{id}/payments")
    ModelAndView list(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String currency,
            @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") String page) {
        Store store = visibility.store(me, id);
        PaymentStatus wantedStatus = blank(status) ? null : PaymentStatus.parse(status).orElse(null);
        Asset wantedAsset = blank(currency) ? null : Asset.parse(currency).orElse(null);
        int pageNumber = pageNumber(page);
        String search = blank(q) ? null : q.strip();
        PaymentPage found = tx.inTransaction(() -> payments.list(new PaymentQuery(store.id(), pageNumber, PER_PAGE,
                wantedStatus, wantedAsset, null, null, null, search)));
        long pages = Math.max(1, (found.total() + PER_PAGE - 1) / PER_PAGE);

        ModelAndView view = new ModelAndView("dashboard/payments");
        view.addObject("me", me);
        view.addObject("section", "payments");
        view.addObject("store", store);
        view.addObject("rows", found.payments().stream().map(PaymentRow::of).toList());
        view.addObject("total", found.total());
        view.addObject("page", pageNumber);
        view.addObject("pages", pages);
        view.addObject("status", wantedStatus == null ? "" : wantedStatus.wire());
        view.addObject("currency", wantedAsset == null ? "" : wantedAsset.name());
        view.addObject("q", search == null ? "" : search);
        view.addObject("statuses", Arrays.stream(PaymentStatus.values()).map(PaymentStatus::wire).toList());
        view.addObject("currencies", store.assets().stream().map(Enum::name).toList());
        String base = "/dashboard/stores/" + store.id() + "/payments";
        view.addObject("previous", pageNumber > 1 ? link(base, wantedStatus, wantedAsset, search, pageNumber - 1) : null);
        view.addObject("next", pageNumber < pages ? link(base, wantedStatus, wantedAsset, search, pageNumber + 1) : null);
        return view;
    }

    /** The most rows one export holds; narrower filters give the rest. */
    static final int EXPORT_LIMIT = 100_000;
    private static final int EXPORT_PAGE = 1_000;
    private static final CsvMapper CSV = CsvMapper.builder().build();
    private static final CsvSchema COLUMNS = CsvSchema.builder().setUseHeader(true)
            .addColumn("payment_id").addColumn("order_id").addColumn("status").addColumn("amount").addColumn("currency")
            .addColumn("amount_received").addColumn("pay_address").addColumn("tx_hash").addColumn("confirmations")
            .addColumn("kind").addColumn("source").addColumn("created_at").addColumn("expires_at").build();

    /**
     * The list as CSV, with the page's filters, newest first. A cell a spreadsheet would take for a formula
     * (starting with {@code = + - @}) is prefixed with an apostrophe, so an order id cannot run in the
     * merchant's spreadsheet.
     */
    @GetMapping(value = "/dashboard/stores/{id}/payments.csv")
    void export(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(required = false) String status, @RequestParam(required = false) String currency,
            @RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
        Store store = visibility.store(me, id);
        PaymentStatus wantedStatus = blank(status) ? null : PaymentStatus.parse(status).orElse(null);
        Asset wantedAsset = blank(currency) ? null : Asset.parse(currency).orElse(null);
        String search = blank(q) ? null : q.strip();
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"payments-" + store.id() + ".csv\"");
        response.setHeader("Cache-Control", "no-store");
        try (SequenceWriter out = CSV.writer(COLUMNS).writeValues(response.getWriter())) {
            int written = 0;
            for (int pageNumber = 1; written < EXPORT_LIMIT; pageNumber++) {
                int number = pageNumber;
                PaymentPage found = tx.inTransaction(() -> payments.list(new PaymentQuery(store.id(), number, EXPORT_PAGE,
                        wantedStatus, wantedAsset, null, null, null, search)));
                for (Payment p : found.payments()) {
                    PaymentRow r = PaymentRow.of(p);
                    Payment.Snapshot s = p.snapshot();
                    out.write(new Object[] {r.id(), cell(r.orderId()), r.status(), r.amount(), r.currency(),
                            r.received(), r.address(), cell(r.txHash()), r.confirmations(), r.kind(), r.source(),
                            s.createdAt().toString(), s.expiresAt() == null ? null : s.expiresAt().toString()});
                    written++;
                }
                if (found.payments().size() < EXPORT_PAGE) {
                    break;
                }
            }
        }
    }

    private static String cell(String text) {
        return text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The payment and its whole timeline: routing candidates, attempts, callbacks, chain, ledger, webhooks. */
    @GetMapping("/dashboard/payments/{id}")
    ModelAndView payment(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(required = false) String redelivered) {
        Payment payment = visibility.payment(me, id);
        Store store = visibility.store(me, payment.storeId().toString());
        PaymentTimelines.Timeline timeline = tx.inTransaction(() -> timelines.of(payment.id()));
        ModelAndView view = new ModelAndView("dashboard/payment");
        view.addObject("me", me);
        view.addObject("section", "payments");
        view.addObject("store", store);
        view.addObject("p", PaymentRow.of(payment));
        view.addObject("entries", timeline.entries().stream().map(e -> new EntryRow(Times.text(e.at()), e.kind(),
                e.title(), e.detail())).toList());
        view.addObject("candidates", timeline.candidates());
        view.addObject("deliveries", timeline.deliveries().stream().map(d -> new DeliveryRow(d.eventId(), d.type(),
                d.state(), d.attempts(), d.lastStatusCode(), Times.text(d.createdAt()), Times.text(d.deliveredAt())))
                .toList());
        view.addObject("redelivered", redelivered);
        return view;
    }

    /** Sends one of the payment's webhook events again (same event id and body, fresh attempts). */
    @PostMapping("/dashboard/payments/{id}/webhooks/{eventId}/redeliver")
    String redeliver(@AuthenticationPrincipal SignedInUser me, @PathVariable String id, @PathVariable String eventId) {
        Payment payment = visibility.payment(me, id);
        EventId event = EventId.parse(eventId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean ofThisPayment = tx.inTransaction(() -> deliveries.find(payment.storeId(), event))
                .filter(d -> payment.id().toString().equals(d.paymentId())).isPresent();
        if (!ofThisPayment || !tx.inTransaction(() -> deliveries.redeliver(payment.storeId(), event, clock.instant()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/dashboard/payments/" + payment.id() + "?redelivered=" + event;
    }

    record EntryRow(String at, String kind, String title, String detail) {
    }

    record DeliveryRow(String eventId, String type, String state, int attempts, Integer lastStatusCode, String createdAt,
            String deliveredAt) {
    }

    private static String link(String base, PaymentStatus status, Asset asset, String q, int page) {
        UriComponentsBuilder b = UriComponentsBuilder.fromPath(base);
        Optional.ofNullable(status).ifPresent(s -> b.queryParam("status", s.wire()));
        Optional.ofNullable(asset).ifPresent(a -> b.queryParam("currency", a.name()));
        Optional.ofNullable(q).ifPresent(s -> b.queryParam("q", s));
        return b.queryParam("page", page).encode().build().toUriString();
    }

    private static int pageNumber(String page) {
        try {
            return Math.max(1, Math.min(1_000_000, Integer.parseInt(page.strip())));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** One payment as the pages show it. */
    record PaymentRow(String id, String orderId, String status, String amount, String currency, String received,
            String address, String txHash, int confirmations, String kind, String source, String createdAt,
            String expiresAt, String donorName, String donorMessage) {

        static PaymentRow of(Payment p) {
            Payment.Snapshot s = p.snapshot();
            String amount = s.amountWithCents() != null ? s.amountWithCents().toPlainString()
                    : s.amountRequested() != null ? s.amountRequested().toPlainString() : s.price().amount().toPlainString();
            String currency = s.asset() != null ? s.asset().name() : s.price().currency();
            return new PaymentRow(s.id().toString(), s.orderId(), s.status().wire(), amount, currency,
                    s.amountReceived() == null ? null : s.amountReceived().toPlainString(),
                    s.slot() == null ? null : s.slot().address(), s.txHash(), s.confirmations(), s.kind().wire(),
                    s.source().wire(), Times.text(s.createdAt()), Times.text(s.expiresAt()),
                    s.donor() == null ? null : s.donor().name(), s.donor() == null ? null : s.donor().message());
        }
    }
}
