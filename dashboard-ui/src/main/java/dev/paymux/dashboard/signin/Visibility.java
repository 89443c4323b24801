package dev.paymux.dashboard.signin;

import dev.paymux.core.payment.Payment;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.payment.Payments;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.DashboardUsers;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The one rule for what a signed-in user may see: an operator every store, a merchant its own account's.
 * Anything else is "not found", by URL too, so a merchant cannot even learn that another's store exists.
 * Decided from the user's current row, so a user disabled meanwhile sees nothing more.
 */
@Component
public class Visibility {

    private final DashboardUsers users;
    private final Stores stores;
    private final StoreDirectory directory;
    private final Payments payments;
    private final Transactions tx;

    Visibility(DashboardUsers users, Stores stores, StoreDirectory directory, Payments payments, Transactions tx) {
        this.users = users;
        this.stores = stores;
        this.directory = directory;
        this.payments = payments;
        this.tx = tx;
    }

    /** The user as the database has it now; 403 when it was disabled since signing in. */
    public DashboardUser current(SignedInUser who) {
        DashboardUser user = tx.inTransaction(() -> users.find(who.userId())).orElse(null);
        if (user == null || !user.enabled()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "this user is disabled");
        }
        return user;
    }

    /** The stores the user may see, by name. */
    public List<Store> stores(SignedInUser who) {
        DashboardUser user = current(who);
        return tx.inTransaction(directory::list).stream().filter(s -> user.sees(s.accountId()))
                .sorted(Comparator.comparing(Store::name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    /** A store the user may see, or 404. */
    public Store store(SignedInUser who, String storeId) {
        DashboardUser user = current(who);
        return parse(storeId).flatMap(id -> tx.inTransaction(() -> stores.findById(new StoreId(id))))
                .filter(s -> user.sees(s.accountId())).orElseThrow(Visibility::notFound);
    }

    /** A payment of a store the user may see, or 404. */
    public Payment payment(SignedInUser who, String paymentId) {
        Payment payment = PaymentId.parse(paymentId).flatMap(id -> tx.inTransaction(() -> payments.find(id)))
                .orElseThrow(Visibility::notFound);
        store(who, payment.storeId().toString());
        return payment;
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "not found");
    }
}
