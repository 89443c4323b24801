package dev.paymux.dashboard.signin;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** The sign-in page; Spring Security handles its POST. */
@Controller
class SignInController {

    @GetMapping("/dashboard/login")
    ModelAndView page(@RequestParam(required = false) String error, @RequestParam(required = false) String locked,
            @RequestParam(required = false) String disabled, @RequestParam(name = "signed-out", required = false) String out) {
        ModelAndView page = new ModelAndView("dashboard/login");
        String message = error != null ? "Wrong e-mail address, password or one-time code."
                : locked != null ? "Too many wrong passwords: this user is locked for a while. Try again later, or ask an operator."
                : disabled != null ? "This user is disabled. Ask an operator."
                : null;
        page.addObject("error", message);
        page.addObject("signedOut", out != null);
        return page;
    }
}
