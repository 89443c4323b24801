package dev.paymux.dashboard.stores;

import dev.paymux.core.store.Store;
import dev.paymux.dashboard.signin.SignedInUser;
import dev.paymux.dashboard.signin.Visibility;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/** The user's stores and one store's settings. */
@Controller
class StoresController {

    private final Visibility visibility;

    StoresController(Visibility visibility) {
        this.visibility = visibility;
    }

    @GetMapping({"/dashboard", "/dashboard/"})
    String home() {
        return "redirect:/dashboard/stores";
    }

    @GetMapping("/dashboard/stores")
    ModelAndView list(@AuthenticationPrincipal SignedInUser me) {
        ModelAndView page = new ModelAndView("dashboard/stores");
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("stores", visibility.stores(me));
        return page;
    }

    @GetMapping("/dashboard/stores/{id}")
    ModelAndView store(@AuthenticationPrincipal SignedInUser me, @PathVariable String id) {
        Store store = visibility.store(me, id);
        ModelAndView page = new ModelAndView("dashboard/store");
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("store", store);
        page.addObject("assets", store.assets().stream().map(Enum::name).toList());
        page.addObject("lifetimeMinutes", store.lifetime().toMinutes());
        return page;
    }
}
