package dev.paymux.core.user;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The dashboard's users. E-mail addresses are stored lower-case and are unique. */
public interface DashboardUsers {

    Optional<DashboardUser> find(UserId id);

    Optional<DashboardUser> findByEmail(String email);

    /** All users, operators first, then by e-mail. */
    List<DashboardUser> list();

    boolean isEmpty();

    /** What {@link #create} did. */
    enum Created { CREATED, EMAIL_TAKEN, NO_SUCH_ACCOUNT }

    /** Adds a user, unless its e-mail address is taken or its account does not exist. */
    Created create(DashboardUser user);

    /**
     * Counts a wrong password; the {@code maxFailures}-th in a row locks the user until {@code lockUntil}.
     * Atomic, so concurrent attempts on several instances count each once.
     *
     * @return the user as it now is
     */
    Optional<DashboardUser> recordFailedSignIn(UserId id, int maxFailures, Instant lockUntil);

    /** A successful sign-in: the count of failures starts again. */
    void recordSignIn(UserId id, Instant now);

    void setEnabled(UserId id, boolean enabled);

    void setPassword(UserId id, String passwordHash);

    /** Sets the second factor's secret, or removes it with null. */
    void setTotpSecret(UserId id, String secretOrNull);

    /**
     * Records that the code of TOTP time step {@code step} was used; false when that step or a later one
     * was used already, so each code signs in once.
     */
    boolean useTotpStep(UserId id, long step);
}
