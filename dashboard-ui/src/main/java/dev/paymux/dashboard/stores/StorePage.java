package dev.paymux.dashboard.stores;

import dev.paymux.core.money.Asset;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.WidgetOrigins;
import dev.paymux.core.tx.Transactions;
import dev.paymux.dashboard.signin.SignedInUser;
import java.util.Arrays;
import java.util.List;
import dev.paymux.core.payment.XpubService;
import dev.paymux.core.store.StoreDirectory;
import dev.paymux.core.store.StoreBrandings;
import dev.paymux.core.settlement.Commissions;
import dev.paymux.core.routing.StoreRouting;
import dev.paymux.core.routing.StoreRoutings;
import dev.paymux.dashboard.providers.ProviderConsole;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/** The store's page with its settings forms, as shown after a change, a refusal or on its own. */
@Component
class StorePage {

    private final WebhookSetup webhooks;
    private final WidgetOrigins origins;
    private final StoreDirectory directory;
    private final XpubService xpubs;
    private final StoreBrandings brandings;
    private final Commissions commissions;
    private final StoreRoutings routings;
    private final ProviderConsole providers;
    private final Transactions tx;

    StorePage(WebhookSetup webhooks, WidgetOrigins origins, StoreDirectory directory, XpubService xpubs,
            StoreBrandings brandings, Commissions commissions, StoreRoutings routings, ProviderConsole providers,
            Transactions tx) {
        this.routings = routings;
        this.providers = providers;
        this.commissions = commissions;
        this.brandings = brandings;
        this.webhooks = webhooks;
        this.origins = origins;
        this.directory = directory;
        this.xpubs = xpubs;
        this.tx = tx;
    }

    /** One accepted currency's receiving addresses: the pool's size, and the extended public key if any. */
    record Receiving(String asset, int poolSize, boolean derivable, String xpub, Integer nextIndex, String firstAddress) {
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
        List<XpubService.Configured> keys = tx.inTransaction(() -> xpubs.list(store.id()));
        page.addObject("receiving", store.assets().stream().map(a -> {
            XpubService.Configured key = keys.stream().filter(k -> k.asset() == a).findFirst().orElse(null);
            return new Receiving(a.name(), tx.inTransaction(() -> directory.addresses(store.id(), a)).size(),
                    XpubService.derivable(a), key == null ? null : key.xpub(), key == null ? null : key.nextIndex(),
                    key == null ? null : key.firstAddress());
        }).toList());
        page.addObject("branding", tx.inTransaction(() -> brandings.find(store.id())));
        page.addObject("commission", tx.inTransaction(() -> commissions.percent(store.id())).stripTrailingZeros().toPlainString());
        if (me.operator()) {
            page.addObject("routing", tx.inTransaction(() -> routings.find(store.id())).orElse(StoreRouting.off()));
            page.addObject("instances", providers.instances().stream().map(ProviderConsole.Instance::name).toList());
        }
        page.addObject("errorForm", form);
        page.addObject("error", error);
        page.addObject("saved", saved);
        page.addObject("event", event);
        return page;
    }
}
