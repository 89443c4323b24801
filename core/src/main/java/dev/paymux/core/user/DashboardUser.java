package dev.paymux.core.user;

import dev.paymux.core.store.AccountId;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who signs in to the dashboard. A merchant belongs to one account and sees only its stores; an
 * operator has no account and sees all. The password is kept only as a hash.
 *
 * @param failedSignIns wrong passwords in a row since the last successful sign-in
 * @param lockedUntil   no sign-in before this instant, or null
 * @param totpSecret    the second factor's secret (base32), or null when the user has none
 */
public record DashboardUser(UserId id, String email, String passwordHash, Role role, AccountId account,
        boolean enabled, int failedSignIns, Instant lockedUntil, Instant createdAt, String totpSecret) {

    /** A user without a second factor. */
    public DashboardUser(UserId id, String email, String passwordHash, Role role, AccountId account,
            boolean enabled, int failedSignIns, Instant lockedUntil, Instant createdAt) {
        this(id, email, passwordHash, role, account, enabled, failedSignIns, lockedUntil, createdAt, null);
    }

    public DashboardUser {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(role, "role");
        if ((role == Role.MERCHANT) != (account != null)) {
            throw new IllegalArgumentException("a merchant user has an account, an operator none");
        }
    }

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    public boolean lockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    /** Whether this user may see the stores of {@code owner}. */
    public boolean sees(AccountId owner) {
        return role == Role.OPERATOR || account.equals(owner);
    }

    @Override
    public String toString() {
        return "DashboardUser[id=" + id + ", email=" + email + ", role=" + role + "]";
    }
}
