package dev.paymux.dashboard.signin;

import dev.paymux.core.tx.Transactions;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.DashboardUsers;
import dev.paymux.dashboard.DashboardProperties;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one rule for signing in to the dashboard: an enabled, unlocked user with the right password. Each
 * wrong password is counted in the database; the {@code max-failed-sign-ins}-th in a row locks the user
 * for {@code lockout}, on every instance. A user with a second factor also needs the current one-time
 * code, each code once. An unknown address costs the same hashing as a known one, and the answer never
 * says which part was wrong.
 */
@Component
class SignIns implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(SignIns.class);

    private final DashboardUsers users;
    private final PasswordEncoder passwords;
    private final Transactions tx;
    private final DashboardProperties settings;
    private final Clock clock;
    private final String dummyHash;

    SignIns(DashboardUsers users, PasswordEncoder passwords, Transactions tx, DashboardProperties settings, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.dummyHash = passwords.encode("not a password of anyone");
    }

    @Override
    public Authentication authenticate(Authentication request) throws AuthenticationException {
        String email = String.valueOf(request.getName()).strip();
        String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
        Instant now = clock.instant();
        Optional<DashboardUser> found = email.isEmpty() ? Optional.empty() : tx.inTransaction(() -> users.findByEmail(email));
        if (found.isEmpty()) {
            passwords.matches(password, dummyHash);
            throw new BadCredentialsException("wrong e-mail address or password");
        }
        DashboardUser user = found.get();
        if (user.lockedAt(now)) {
            throw new LockedException("locked after too many wrong passwords");
        }
        if (!passwords.matches(password, user.passwordHash())) {
            Optional<DashboardUser> after = tx.inTransaction(() -> users.recordFailedSignIn(user.id(),
                    settings.maxFailedSignIns(), now.plus(settings.lockout())));
            if (after.isPresent() && after.get().lockedAt(now)) {
                log.warn("Dashboard user {} locked after {} wrong passwords", user.id(), after.get().failedSignIns());
                throw new LockedException("locked after too many wrong passwords");
            }
            throw new BadCredentialsException("wrong e-mail address or password");
        }
        if (user.hasSecondFactor()) {
            String code = request.getDetails() instanceof SignInDetails d ? d.code() : null;
            OptionalLong step = Totp.match(user.totpSecret(), code, now);
            // A code counts once: a wrong or reused one is a failed sign-in like a wrong password.
            if (step.isEmpty() || !tx.inTransaction(() -> users.useTotpStep(user.id(), step.getAsLong()))) {
                Optional<DashboardUser> after = tx.inTransaction(() -> users.recordFailedSignIn(user.id(),
                        settings.maxFailedSignIns(), now.plus(settings.lockout())));
                if (after.isPresent() && after.get().lockedAt(now)) {
                    throw new LockedException("locked after too many failed sign-ins");
                }
                throw new BadCredentialsException("wrong e-mail address, password or one-time code");
            }
        }
        if (!user.enabled()) {
            throw new DisabledException("this user is disabled");
        }
        tx.inTransaction(() -> {
            users.recordSignIn(user.id(), now);
            return null;
        });
        return UsernamePasswordAuthenticationToken.authenticated(SignedInUser.of(user), null,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.role().name())));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
