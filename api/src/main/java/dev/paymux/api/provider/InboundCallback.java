package dev.paymux.api.provider;

import dev.paymux.core.spi.CallbackRequest;

/** A callback on its way through the callback flow: which instance it is for, and the raw request. */
record InboundCallback(String instance, CallbackRequest request) {
}
