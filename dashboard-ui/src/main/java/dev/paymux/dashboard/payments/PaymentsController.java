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
    private final Transactions tx;

    PaymentsController(Visibility visibility, Payments payments, Transactions tx) {
        this.visibility = visibility;
        this.payments = payments;
        this.tx = tx;
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

    @GetMapping("/dashboard/payments/{id}")
    ModelAndView payment(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
        Payment payment = visibility.payment(me, id);
        Store store = visibility.store(me, payment.storeId().toString());
        ModelAndView view = new ModelAndView("dashboard/payment");
        view.addObject("me", me);
        view.addObject("section", "payments");
        view.addObject("store", store);
        view.addObject("p", PaymentRow.of(payment));
        return view;
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
