package dev.paymux.dashboard.users;

import dev.paymux.core.store.AccountId;
import dev.paymux.core.tx.Transactions;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.DashboardUsers;
import dev.paymux.core.user.Role;
import dev.paymux.core.user.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Adding, listing and disabling dashboard users, for the admin API, the operators' users page and the
 * first start alike. Passwords are stored hashed only; one made up here is returned once, to be shown once.
 */
@Service
public class UserAdministration {

    /** Shortest password a user may choose. */
    public static final int MIN_PASSWORD = 12;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DashboardUsers users;
    private final PasswordEncoder passwords;
    private final Transactions tx;
    private final Clock clock;

    UserAdministration(DashboardUsers users, PasswordEncoder passwords, Transactions tx, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
    }

    /** A new user and, when none was given, the password made for it (null otherwise). */
    public record Created(DashboardUser user, String generatedPassword) {
        @Override
        public String toString() {
            return "Created[" + user + "]";
        }
    }

    /** Why a user cannot be added as asked; the message names the field. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /**
     * Adds a user: a merchant of {@code account}, or an operator ({@code account} null).
     *
     * @param password the user's password (at least {@link #MIN_PASSWORD} characters), or null to make one
     * @throws Refused for a bad e-mail address or password, or an address already taken
     */
    public Created create(String email, Role role, AccountId account, String password) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(address).matches()) {
            throw new Refused("email must be an e-mail address");
        }
        if ((role == Role.MERCHANT) != (account != null)) {
            throw new Refused(role == Role.MERCHANT ? "account_id is required for a merchant user"
                    : "an operator user has no account_id");
        }
        if (password != null && password.length() < MIN_PASSWORD) {
            throw new Refused("password must have at least " + MIN_PASSWORD + " characters");
        }
        String generated = password == null ? newPassword() : null;
        DashboardUser user = new DashboardUser(UserId.random(), address,
                passwords.encode(password != null ? password : generated), role, account, true, 0, null, clock.instant());
        switch (tx.inTransaction(() -> users.create(user))) {
            case EMAIL_TAKEN -> throw new Refused("email is already a user's");
            case NO_SUCH_ACCOUNT -> throw new Refused("account_id is not an account");
            case CREATED -> { }
        }
        return new Created(user, generated);
    }

    public List<DashboardUser> list() {
        return tx.inTransaction(users::list);
    }

    public java.util.Optional<DashboardUser> find(UserId id) {
        return tx.inTransaction(() -> users.find(id));
    }

    public boolean setEnabled(UserId id, boolean enabled) {
        return tx.inTransaction(() -> {
            if (users.find(id).isEmpty()) {
                return false;
            }
            users.setEnabled(id, enabled);
            return true;
        });
    }

    public boolean isEmpty() {
        return tx.inTransaction(users::isEmpty);
    }

    /** 120 random bits, URL-safe. */
    static String newPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
