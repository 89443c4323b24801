package dev.paymux.api.provider;

/** What Paymux answers the provider: the status and body the provider expects, never error details. */
record CallbackReply(int status, String body) {

    static CallbackReply notAccepted() {
        return new CallbackReply(400, "rejected");
    }
}
