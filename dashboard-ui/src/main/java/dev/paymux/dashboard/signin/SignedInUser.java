package dev.paymux.dashboard.signin;

import dev.paymux.core.store.AccountId;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.Role;
import dev.paymux.core.user.UserId;
import java.io.Serializable;
import java.security.Principal;
import java.util.UUID;

/**
 * Who is signed in, as kept in the session (in PostgreSQL, so only plain values). What they may see is
 * decided from the user's current row on each request ({@link Visibility}), not from this copy.
 */
public record SignedInUser(UUID id, String email, String role, UUID account) implements Serializable, Principal {

    static SignedInUser of(DashboardUser u) {
        return new SignedInUser(u.id().value(), u.email(), u.role().name(), u.account() == null ? null : u.account().value());
    }

    public UserId userId() {
        return new UserId(id);
    }

    public boolean operator() {
        return Role.OPERATOR.name().equals(role);
    }

    public AccountId accountId() {
        return account == null ? null : new AccountId(account);
    }

    @Override
    public String getName() {
        return email;
    }
}
