package dev.paymux.api.webhook;

import dev.paymux.core.store.StoreDirectory.WebhookEndpoint;
import dev.paymux.core.store.StoreId;
import dev.paymux.dashboard.stores.WebhookSetup;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The dashboard's webhook settings through {@link WebhookEndpoints}, the merchant API's own. */
@Component
class DashboardWebhookSetup implements WebhookSetup {

    private final WebhookEndpoints endpoints;

    DashboardWebhookSetup(WebhookEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @Override
    public Optional<WebhookEndpoint> endpoint(StoreId store) {
        return endpoints.endpoint(store);
    }

    @Override
    public Optional<String> refusal(String url) {
        return endpoints.refusal(url);
    }

    @Override
    public WebhookEndpoint setUrl(StoreId store, String urlOrNull) {
        return endpoints.setUrl(store, urlOrNull);
    }

    @Override
    public Optional<String> sendTest(StoreId store) {
        return endpoints.sendTest(store).map(d -> d.id().toString());
    }

    @Override
    public Rotated rotateSecret(StoreId store) {
        WebhookEndpoints.Rotated r = endpoints.rotateSecret(store);
        return new Rotated(r.secret(), r.previousValidUntil());
    }
}
