package dev.paymux.api.provider;

import org.springframework.integration.annotation.MessagingGateway;

/** The entrance of the callback flow: {@code callbacks.in}, answered with the reply for the provider. */
@MessagingGateway(defaultRequestChannel = CallbackFlowConfiguration.IN, defaultReplyTimeout = "30000")
interface CallbackGateway {

    CallbackReply handle(InboundCallback callback);
}
