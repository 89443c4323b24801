package dev.paymux.api.provider;

import dev.paymux.api.provider.CallbackVerifier.VerifiedCallback;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.annotation.IntegrationComponentScan;
import org.springframework.integration.dsl.IntegrationFlow;

/**
 * Flow 1 of the design, callback ingress: {@code callbacks.in} → {@link CallbackVerifier} → verified ones
 * on {@code callbacks.verified} → {@link CallbackApplier} → the reply for the provider.
 */
@Configuration(proxyBeanMethods = false)
@IntegrationComponentScan(basePackageClasses = CallbackGateway.class)
class CallbackFlowConfiguration {

    static final String IN = "callbacks.in";
    static final String VERIFIED = "callbacks.verified";

    @Bean
    IntegrationFlow callbackVerification(CallbackVerifier verifier) {
        return IntegrationFlow.from(IN)
                .handle(InboundCallback.class, (in, headers) -> verifier.verify(in))
                .route(Object.class, o -> o instanceof VerifiedCallback, r -> r
                        .channelMapping(true, VERIFIED)
                        .subFlowMapping(false, f -> f.bridge()))
                .get();
    }

    @Bean
    IntegrationFlow callbackApplication(CallbackApplier applier) {
        return IntegrationFlow.from(VERIFIED)
                .handle(VerifiedCallback.class, (v, headers) -> applier.apply(v))
                .get();
    }
}
