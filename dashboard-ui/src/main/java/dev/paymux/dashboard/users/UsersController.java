package dev.paymux.dashboard.users;

import dev.paymux.core.store.AccountId;
import dev.paymux.core.user.Role;
import dev.paymux.core.user.UserId;
import dev.paymux.dashboard.signin.SignedInUser;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.server.ResponseStatusException;

/** Operators add users (a made-up password shown once) and disable or enable them. */
@Controller
class UsersController {

    private final UserAdministration users;

    UsersController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping("/dashboard/operator/users")
    ModelAndView list(@AuthenticationPrincipal SignedInUser me) {
        return page(me, HttpStatus.OK, null, null, null);
    }

    @PostMapping("/dashboard/operator/users")
    ModelAndView add(@AuthenticationPrincipal SignedInUser me, @RequestParam String email, @RequestParam String role,
            @RequestParam(name = "account_id", required = false) String accountId,
            jakarta.servlet.http.HttpServletResponse response) {
        // The answer may carry the new user's password: never kept by a cache or the history.
        response.setHeader("Cache-Control", "no-store");
        Role wanted = "operator".equals(role) ? Role.OPERATOR : Role.MERCHANT;
        AccountId account = null;
        if (wanted == Role.MERCHANT) {
            try {
                account = new AccountId(UUID.fromString(accountId == null ? "" : accountId.strip()));
            } catch (IllegalArgumentException e) {
                return page(me, HttpStatus.BAD_REQUEST, "account_id must be the account's id (a UUID)", null, null);
            }
        }
        try {
            UserAdministration.Created created = users.create(email, wanted, account, null);
            return page(me, HttpStatus.OK, null, created.user().email(), created.generatedPassword());
        } catch (UserAdministration.Refused e) {
            return page(me, HttpStatus.BAD_REQUEST, e.getMessage(), null, null);
        }
    }

    @PostMapping("/dashboard/operator/users/{id}/enabled")
    String enable(@AuthenticationPrincipal SignedInUser me, @PathVariable String id, @RequestParam boolean enabled) {
        UserId user;
        try {
            user = new UserId(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (user.equals(me.userId()) && !enabled) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "you cannot disable yourself");
        }
        if (!users.setEnabled(user, enabled)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/dashboard/operator/users";
    }

    private ModelAndView page(SignedInUser me, HttpStatus status, String error, String createdEmail, String password) {
        ModelAndView page = new ModelAndView("dashboard/users");
        page.setStatus(status);
        page.addObject("me", me);
        page.addObject("section", "users");
        page.addObject("users", users.list().stream().map(u -> new Row(u.id().toString(), u.email(),
                u.role().name().toLowerCase(Locale.ROOT), u.account() == null ? null : u.account().toString(),
                u.enabled(), u.id().equals(me.userId()))).toList());
        page.addObject("error", error);
        page.addObject("createdEmail", createdEmail);
        page.addObject("createdPassword", password);
        return page;
    }

    record Row(String id, String email, String role, String account, boolean enabled, boolean self) {
    }
}
