package dev.paymux.exchanger;

import java.util.Map;
import java.util.Objects;

/**
 * Adds the exchanger's authorisation to each outgoing request. The exchanger's authorisation scheme
 * is documented only inside the operator's account ("the documentation of the authorisation system is
 * in your profile"), so it is a plug-in: one signer per provider instance.
 *
 * <p>The signer is called once per attempt, just before the request is sent, so a signer that puts a
 * timestamp or nonce into its signature signs every retry afresh.
 */
@FunctionalInterface
public interface RequestSigner {

    /**
     * The headers to add to {@code request}. Must not throw for an ordinary request; values are sent
     * literally.
     */
    Map<String, String> headers(Outgoing request);

    /**
     * The request as it is about to be sent.
     *
     * @param method       {@code GET} or {@code POST}
     * @param pathAndQuery the path below the base URL with its query string, e.g.
     *                     {@code /public/exchanger/order/get?orderUID=1409&orderSecret=...}
     * @param body         the body bytes exactly as sent (empty for a GET)
     */
    record Outgoing(String method, String pathAndQuery, byte[] body) {

        public Outgoing {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(pathAndQuery, "pathAndQuery");
            body = body == null ? new byte[0] : body;
        }

        @Override
        public String toString() {
            return "Outgoing[" + method + " " + pathAndQuery.replaceAll("(?i)(orderSecret=)[^&]*", "$1***") + "]";
        }
    }

    /** Sends nothing: the exchanger's {@code public/...} methods work without authorisation. */
    static RequestSigner none() {
        return request -> Map.of();
    }

    /**
     * The default: one static header carrying an API key, e.g. {@code Authorization: Bearer <key>} or
     * {@code X-Api-Key: <key>}. {@code value} is sent as given.
     */
    static RequestSigner staticHeader(String name, String value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        Map<String, String> headers = Map.of(name, value);
        return new RequestSigner() {
            @Override
            public Map<String, String> headers(Outgoing request) {
                return headers;
            }

            @Override
            public String toString() {
                return "RequestSigner[" + name + ": ***]";
            }
        };
    }
}
