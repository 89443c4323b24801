package dev.paymux.dashboard.stores;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.WidgetOrigins;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.signin.SignedInUser;
import java.util.Arrays;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The store's page with its settings forms, as shown after a change, a refusal or on its own. */
@Component
class StorePage {

    private final WebhookSetup webhooks;
    private final WidgetOrigins origins;
    private final Transactions tx;

    StorePage(WebhookSetup webhooks, WidgetOrigins origins, Transactions tx) {
        this.webhooks = webhooks;
        this.origins = origins;
        this.tx = tx;
    }

    ModelAndView show(SignedInUser me, Store store, String saved, String event) {
        return page(me, store, HttpStatus.OK, null, null, saved, event);
    }

    /** The page again with why {@code form} was refused; nothing was changed. */
    ModelAndView refused(SignedInUser me, Store store, String form, String error) {
        return page(me, store, HttpStatus.BAD_REQUEST, form, error, null, null);
    }

    private ModelAndView page(SignedInUser me, Store store, HttpStatus status, String form, String error, String saved,
            String event) {
        ModelAndView page = new ModelAndView("dashboard/store");
        page.setStatus(status);
        page.addObject("me", me);
        page.addObject("section", "stores");
        page.addObject("store", store);
        page.addObject("assets", store.assets().stream().map(Enum::name).toList());
        page.addObject("allAssets", Arrays.stream(Asset.values()).map(Enum::name).toList());
        page.addObject("lifetimeMinutes", store.lifetime().toMinutes());
        page.addObject("endpoint", webhooks.endpoint(store.id()).orElse(null));
        page.addObject("origins", String.join("\n", tx.inTransaction(() -> origins.find(store.id()))));
        page.addObject("errorForm", form);
        page.addObject("error", error);
        page.addObject("saved", saved);
        page.addObject("event", event);
        return page;
    }
}
