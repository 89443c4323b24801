package dev.paymux.exchanger;

import dev.paymux.adapter.http.JsonCodec;
import dev.paymux.adapter.http.ProviderErrors;
import dev.paymux.adapter.http.ProviderHttp;
import dev.paymux.adapter.http.ProviderResilience;
import feign.RequestInterceptor;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchanger's Feign client on the shared pieces of {@code adapters/http}: the JDK transport, the JSON
 * codec (answers must be JSON objects), the error decoder with the exchanger's validation message, and the
 * circuit breaker and retry from the instance's resilience settings. What stays here is the exchanger's own:
 * its request signing. Exception messages never carry the request URL (the order secret travels in the
 * query string) nor the exchanger's raw body beyond its validation message.
 */
final class ExchangerHttp {

    static final JsonMapper JSON = JsonCodec.mapper(null);

    private final ExchangerApi api;
    private final ProviderResilience resilience;

    ExchangerHttp(ExchangerConfig config, RequestSigner signer) {
        ProviderErrors errors = new ProviderErrors(config.instance(), "the exchanger", ExchangerMapping::errorMessage);
        this.api = ProviderHttp.feign(config.resilienceSettings(), JsonCodec.of(JSON).objectsOnly(), errors)
                .requestInterceptor(signing(signer))
                .target(ExchangerApi.class, config.baseUrl());
        this.resilience = new ProviderResilience(config.instance(), config.resilienceSettings(), errors);
    }

    ExchangerApi api() {
        return api;
    }

    ProviderResilience resilience() {
        return resilience;
    }

    private static RequestInterceptor signing(RequestSigner signer) {
        return template -> {
            Map<String, String> headers = signer.headers(
                    new RequestSigner.Outgoing(template.method(), template.url(), template.body()));
            if (headers != null) {
                headers.forEach((name, value) -> template.headerLiteral(name, value));
            }
        };
    }
}
