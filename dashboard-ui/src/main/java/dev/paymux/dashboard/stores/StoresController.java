package dev.paymux.dashboard.stores;

import dev.paymux.core.store.Store;
import dev.paymux.dashboard.signin.SignedInUser;
import dev.paymux.dashboard.signin.Visibility;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.http.HttpStatus;
import dev.paymux.core.money.Asset;
import dev.paymux.core.store.AccountId;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.web.servlet.ModelAndView;

/** The user's stores, one store's settings, a new store and new API credentials (secrets shown once). */
@Controller
class StoresController {

    static final int MAX_NAME = 200;

    private final Visibility visibility;
    private final StoreSetup setup;
    private final StorePage pages;

    StoresController(Visibility visibility, StoreSetup setup, StorePage pages) {
        this.visibility = visibility;
        this.setup = setup;
        this.pages = pages;
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

    @GetMapping("/dashboard/stores/new")
    ModelAndView form(@AuthenticationPrincipal SignedInUser me) {
        return form(me, HttpStatus.OK, null, "", List.of(Asset.USDT_TRC20.name()), "");
    }

    /** Creates the store in the merchant's own account (an operator's: the given account, or a new one). */
    @PostMapping("/dashboard/stores")
    ModelAndView create(@AuthenticationPrincipal SignedInUser me, @RequestParam(defaultValue = "") String name,
            @RequestParam(name = "assets", required = false) List<String> assets,
            @RequestParam(name = "account_id", defaultValue = "") String accountId, HttpServletResponse response) {
        List<String> chosen = assets == null ? List.of() : assets;
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NAME) {
            return form(me, HttpStatus.BAD_REQUEST, "Give the store a name (1 to " + MAX_NAME + " characters).", name, chosen, accountId);
        }
        List<Asset> accepted = new ArrayList<>();
        for (String a : chosen) {
            Optional<Asset> asset = Asset.parse(a);
            if (asset.isEmpty()) {
                return form(me, HttpStatus.BAD_REQUEST, "Unknown currency " + a + ".", name, chosen, accountId);
            }
            accepted.add(asset.get());
        }
        if (accepted.isEmpty()) {
            return form(me, HttpStatus.BAD_REQUEST, "Choose at least one currency the store accepts.", name, chosen, accountId);
        }
        AccountId account;
        if (!me.operator()) {
            account = visibility.current(me).account();
        } else if (accountId.isBlank()) {
            account = null;
        } else {
            account = visibility.stores(me).stream().map(Store::accountId)
                    .filter(a -> a.toString().equalsIgnoreCase(accountId.strip())).findFirst().orElse(null);
            if (account == null) {
                return form(me, HttpStatus.BAD_REQUEST, "No account has the id " + accountId.strip()
                        + ": leave it empty for a new account.", name, chosen, accountId);
            }
        }
        StoreSetup.Issued issued = setup.create(account, trimmed, accepted);
        return secrets(me, visibility.store(me, issued.storeId().toString()), issued, true, response);
    }

    /** New API key and secret; the old pair stops working at once. */
    @PostMapping("/dashboard/stores/{id}/credentials")
    ModelAndView rotate(@AuthenticationPrincipal SignedInUser me, @PathVariable String id, HttpServletResponse response) {
        Store store = visibility.store(me, id);
        StoreSetup.Issued issued = setup.rotateApiCredentials(store.id(), store.accountId());
        return secrets(me, visibility.store(me, id), issued, false, response);
    }

    private ModelAndView secrets(SignedInUser me, Store store, StoreSetup.Issued issued, boolean created,
            HttpServletResponse response) {
        // The only answer that carries the secret: never kept by a cache or the browser's history.
        response.setHeader("Cache-Control", "no-store");
        ModelAndView page = new ModelAndView("dashboard/store-secrets");
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("store", store);
        page.addObject("issued", issued);
        page.addObject("created", created);
        return page;
    }

    private ModelAndView form(SignedInUser me, HttpStatus status, String error, String name, List<String> assets,
            String accountId) {
        ModelAndView page = new ModelAndView("dashboard/store-new");
        page.setStatus(status);
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("error", error);
        page.addObject("name", name);
        page.addObject("chosen", assets);
        page.addObject("accountId", accountId);
        page.addObject("allAssets", Arrays.stream(Asset.values()).map(Enum::name).toList());
        return page;
    }

    @GetMapping("/dashboard/stores/{id}")
    ModelAndView store(@AuthenticationPrincipal SignedInUser me, @PathVariable String id,
            @RequestParam(required = false) String saved, @RequestParam(required = false) String event) {
        return pages.show(me, visibility.store(me, id), saved, event);
    }
}
