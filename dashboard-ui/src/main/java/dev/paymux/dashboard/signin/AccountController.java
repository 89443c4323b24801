package dev.paymux.dashboard.signin;

import dev.paymux.core.tx.Transactions;
import dev.paymux.core.user.DashboardUser;
import dev.paymux.core.user.DashboardUsers;
import dev.paymux.dashboard.web.QrCode;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The signed-in user's own settings: the password, and two-factor sign-in with an authenticator app
 * (the secret is shown as a QR code once, and kept only when a code from the app confirms it).
 */
@Controller
class AccountController {

    /** The secret being set up, kept in the session until a code confirms it. */
    static final String PENDING = "paymux.dashboard.pendingTotp";
    static final int MIN_PASSWORD = 12;

    private final Visibility visibility;
    private final DashboardUsers users;
    private final PasswordEncoder passwords;
    private final Transactions tx;
    private final Clock clock;

    AccountController(Visibility visibility, DashboardUsers users, PasswordEncoder passwords, Transactions tx, Clock clock) {
        this.visibility = visibility;
        this.users = users;
        this.passwords = passwords;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping("/dashboard/account")
    ModelAndView page(@AuthenticationPrincipal SignedInUser me) {
        return page(me, HttpStatus.OK, null, null, null);
    }

    @PostMapping("/dashboard/account/totp/start")
    ModelAndView start(@AuthenticationPrincipal SignedInUser me, HttpSession session, HttpServletResponse response) {
        String secret = Totp.newSecret();
        session.setAttribute(PENDING, secret);
        response.setHeader("Cache-Control", "no-store");
        return setup(me, secret, HttpStatus.OK, null);
    }

    @PostMapping("/dashboard/account/totp/confirm")
    ModelAndView confirm(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String code,
            HttpSession session, HttpServletResponse response) {
        String secret = (String) session.getAttribute(PENDING);
        if (secret == null) {
            return page(me, HttpStatus.BAD_REQUEST, "Start the set-up again: it was not found.", null, null);
        }
        DashboardUser user = visibility.current(me);
        OptionalLong step = Totp.match(secret, code, clock.instant());
        if (step.isEmpty()) {
            response.setHeader("Cache-Control", "no-store");
            return setup(me, secret, HttpStatus.BAD_REQUEST, "That code does not match: check the app's time and try the next code.");
        }
        tx.inTransaction(() -> {
            users.setTotpSecret(user.id(), secret);
            // The confirming code is spent: it cannot also sign in.
            users.useTotpStep(user.id(), step.getAsLong());
            return null;
        });
        session.removeAttribute(PENDING);
        return page(me, HttpStatus.OK, null, "Two-factor sign-in is on: from now on, sign in with a code from the app.", null);
    }

    @PostMapping("/dashboard/account/totp/disable")
    ModelAndView disable(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String code) {
        DashboardUser user = visibility.current(me);
        if (!user.hasSecondFactor()) {
            return page(me, HttpStatus.OK, null, null, null);
        }
        OptionalLong step = Totp.match(user.totpSecret(), code, clock.instant());
        if (step.isEmpty() || !tx.inTransaction(() -> users.useTotpStep(user.id(), step.getAsLong()))) {
            return page(me, HttpStatus.BAD_REQUEST, "That code does not match, or was used already.", null, null);
        }
        tx.inTransaction(() -> {
            users.setTotpSecret(user.id(), null);
            return null;
        });
        return page(me, HttpStatus.OK, null, "Two-factor sign-in is off.", null);
    }

    @PostMapping("/dashboard/account/password")
    ModelAndView password(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String current,
            @RequestParam(name = "new_password", defaultValue = "") String next) {
        DashboardUser user = visibility.current(me);
        if (!passwords.matches(current, user.passwordHash())) {
            return page(me, HttpStatus.BAD_REQUEST, null, null, "The current password is wrong.");
        }
        if (next.length() < MIN_PASSWORD || next.length() > 200) {
            return page(me, HttpStatus.BAD_REQUEST, null, null, "The new password needs " + MIN_PASSWORD
                    + " to 200 characters.");
        }
        String hash = passwords.encode(next);
        tx.inTransaction(() -> {
            users.setPassword(user.id(), hash);
            return null;
        });
        return page(me, HttpStatus.OK, null, "The password is changed.", null);
    }

    private ModelAndView setup(SignedInUser me, String secret, HttpStatus status, String error) {
        ModelAndView page = base(me, "dashboard/account-totp", status);
        String uri = Totp.uri(secret, me.email());
        page.addObject("secret", secret);
        page.addObject("uri", uri);
        page.addObject("qr", QrCode.of(uri));
        page.addObject("error", error);
        return page;
    }

    private ModelAndView page(SignedInUser me, HttpStatus status, String error, String notice, String passwordError) {
        ModelAndView page = base(me, "dashboard/account", status);
        page.addObject("user", visibility.current(me));
        page.addObject("error", error);
        page.addObject("notice", notice);
        page.addObject("passwordError", passwordError);
        return page;
    }

    private static ModelAndView base(SignedInUser me, String template, HttpStatus status) {
        ModelAndView page = new ModelAndView(template);
        page.setStatus(status);
        page.addObject("me", me);
        page.addObject("section", "account");
        return page;
    }
}
