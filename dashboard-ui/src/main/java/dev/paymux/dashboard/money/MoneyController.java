package dev.paymux.dashboard.money;

import dev.paymux.core.ledger.Balance;
import dev.paymux.core.ledger.BalanceHistory;
import dev.paymux.core.ledger.Ledger;
import dev.paymux.core.ledger.Payouts;
import dev.paymux.core.money.Asset;
import dev.paymux.core.money.Currency;
import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentKind;
import dev.paymux.core.payment.PaymentPage;
import dev.paymux.core.payment.PaymentQuery;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.store.Store;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.signin.SignedInUser;
import dev.paymux.dashboard.signin.Visibility;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A store's money: balances per currency with their history as a chart, donations, payouts. */
@Controller
class MoneyController {

    static final List<Integer> PERIODS = List.of(7, 30, 90);
    static final int DONATIONS_PER_PAGE = 25;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final Visibility visibility;
    private final Ledger ledger;
    private final BalanceHistory history;
    private final Payments payments;
    private final Payouts payouts;
    private final Transactions tx;
    private final Clock clock;

    MoneyController(Visibility visibility, Ledger ledger, BalanceHistory history, Payments payments, Payouts payouts,
            Transactions tx, Clock clock) {
        this.visibility = visibility;
        this.ledger = ledger;
        this.history = history;
        this.payments = payments;
        this.payouts = payouts;
        this.tx = tx;
        this.clock = clock;
    }

    /**
     * One currency's five figures (the merchant API's balance) and its end-of-day available and pending
     * balances over the period, as numbers for the chart and the table beside it.
     */
    record CurrencyBalance(String currency, BigDecimal available, BigDecimal pending, BigDecimal totalReceived,
            BigDecimal totalWithdrawn, BigDecimal totalCommission, List<BalanceHistory.Day> days) {

        /** The chart's data: [epoch seconds…], [available…], [pending…]. */
        public String chartJson() {
            StringBuilder x = new StringBuilder("[");
            StringBuilder a = new StringBuilder("[");
            StringBuilder p = new StringBuilder("[");
            for (int i = 0; i < days.size(); i++) {
                String sep = i == 0 ? "" : ",";
                x.append(sep).append(days.get(i).day().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
                a.append(sep).append(days.get(i).available().toPlainString());
                p.append(sep).append(days.get(i).pending().toPlainString());
            }
            return "[" + x + "]," + a + "]," + p + "]]";
        }
    }

    @GetMapping("/dashboard/stores/{id}/balances")
    ModelAndView balances(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "30") String days) {
        Store store = visibility.store(me, id);
        int period = PERIODS.stream().filter(p -> String.valueOf(p).equals(days)).findFirst().orElse(30);
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(period - 1L);
        Map<Currency, Balance> found = tx.inTransaction(() -> ledger.balances(store.id()));
        Map<String, Balance> byCode = new LinkedHashMap<>();
        for (Asset a : store.assets()) {
            byCode.put(a.code(), found.getOrDefault(a, Balance.zero()));
        }
        found.forEach((c, b) -> byCode.putIfAbsent(c.code(), b));
        List<CurrencyBalance> rows = new ArrayList<>();
        byCode.forEach((code, b) -> rows.add(new CurrencyBalance(code, plain(b.available()), plain(b.pending()),
                plain(b.totalReceived()), plain(b.totalWithdrawn()), plain(b.totalCommission()),
                tx.inTransaction(() -> history.daily(store.id(), code, from, to)))));
        ModelAndView page = page(me, store, "dashboard/balances");
        page.addObject("balances", rows);
        page.addObject("period", period);
        page.addObject("periods", PERIODS);
        page.addObject("from", from.toString());
        page.addObject("to", to.toString());
        return page;
    }

    /** One donation as the page shows it: the donor's words as text. */
    record DonationRow(String id, String createdAt, String status, String amount, String currency, String donorName,
            String donorMessage) {
    }

    @GetMapping("/dashboard/stores/{id}/donations")
    ModelAndView donations(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(defaultValue = "1") String page) {
        Store store = visibility.store(me, id);
        int number = page.matches("\\d{1,6}") ? Math.max(1, Integer.parseInt(page)) : 1;
        PaymentPage found = tx.inTransaction(() -> payments.list(new PaymentQuery(store.id(), number, DONATIONS_PER_PAGE,
                null, null, null, null, PaymentKind.DONATION)));
        List<DonationRow> rows = found.payments().stream().map(MoneyController::donation).toList();
        long pages = Math.max(1, (found.total() + DONATIONS_PER_PAGE - 1) / DONATIONS_PER_PAGE);
        ModelAndView view = page(me, store, "dashboard/donations");
        view.addObject("rows", rows);
        view.addObject("total", found.total());
        view.addObject("page", number);
        view.addObject("pages", pages);
        return view;
    }

    record PayoutRow(String createdAt, String asset, String amount, String reference, String note) {
    }

    @GetMapping("/dashboard/stores/{id}/payouts")
    ModelAndView payouts(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
        Store store = visibility.store(me, id);
        ModelAndView view = page(me, store, "dashboard/payouts");
        view.addObject("rows", tx.inTransaction(() -> payouts.list(store.id(), 200)).stream()
                .map(p -> new PayoutRow(TIME.format(p.createdAt()), p.asset().name(), p.amount().toPlainString(),
                        p.reference(), p.note())).toList());
        return view;
    }

    private static DonationRow donation(Payment p) {
        Payment.Snapshot s = p.snapshot();
        BigDecimal amount = s.amountWithCents() != null ? s.amountWithCents() : s.amountRequested();
        return new DonationRow(s.id().toString(), TIME.format(s.createdAt()), s.status().wire(),
                amount == null ? s.price().amount().toPlainString() : amount.toPlainString(),
                s.asset() != null ? s.asset().name() : s.price().currency(),
                s.donor() == null ? null : s.donor().name(), s.donor() == null ? null : s.donor().message());
    }

    private static ModelAndView page(SignedInUser me, Store store, String template) {
        ModelAndView page = new ModelAndView(template);
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("store", store);
        return page;
    }

    private static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
