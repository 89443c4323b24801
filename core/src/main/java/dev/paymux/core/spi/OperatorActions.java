package dev.paymux.core.spi;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Tools a provider instance offers its operator, e.g. Cryptomus's {@code test-webhook} and {@code resend}.
 * The application lists them with the instance and runs one on the operator's request
 * ({@code POST /admin/v1/providers/<instance>/actions/<action>} with a JSON object of string parameters).
 *
 * <p>{@link #run} checks the parameters before calling the provider, so that a mistake costs no call; it
 * throws {@link ActionException} for an unknown action or bad parameters, and {@link ProviderException} when
 * the provider refused ({@code REJECTED}), could not be reached ({@code UNAVAILABLE}) or answered garbage
 * ({@code MALFORMED}). Messages and results never contain credentials.
 */
public interface OperatorActions {

    /** The actions this instance offers, in the order an operator would look for them. */
    List<ActionInfo> actions();

    /**
     * Runs {@code action}.
     *
     * @param params  the operator's parameters, by name; only those the action declares are allowed
     * @param context what the application knows and the operator need not type
     * @throws ActionException  for an unknown action or bad parameters
     * @throws ProviderException when the provider refused, failed or answered unreadably
     */
    ActionResult run(String action, Map<String, String> params, ActionContext context);

    /**
     * One action.
     *
     * @param name         the action's name in the URL, e.g. {@code test-webhook}
     * @param description  what it does, for the operator
     * @param params       the parameters it takes
     * @param takesPayment whether the operator may name a Paymux payment ({@code payment_id}) instead of the
     *                     provider's own reference; the application then passes it as {@link ActionContext#payment()}
     */
    record ActionInfo(String name, String description, List<ActionParam> params, boolean takesPayment) {
        public ActionInfo {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            params = List.copyOf(params);
        }
    }

    /**
     * One parameter of an action.
     *
     * @param required whether the action cannot run without it (alternatives, such as {@code uuid} or
     *                 {@code order_id}, are both optional and described)
     */
    record ActionParam(String name, boolean required, String description) {
        public ActionParam {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
        }
    }

    /**
     * What the application supplies to an action.
     *
     * @param callbackUrl where this instance's callbacks reach Paymux ({@code <public-url>/callbacks/<instance>})
     * @param payment     the provider's reference of the Paymux payment the operator named, or null
     */
    record ActionContext(String callbackUrl, ProviderReference payment) {
    }

    /**
     * The outcome of an action that the provider accepted.
     *
     * @param summary one line for the operator, e.g. "Cryptomus accepted the test webhook"
     * @param details what was asked of the provider and what it answered, without credentials
     */
    record ActionResult(String summary, Map<String, String> details) {
        public ActionResult {
            Objects.requireNonNull(summary, "summary");
            details = details == null ? Map.of() : java.util.Collections.unmodifiableMap(
                    new java.util.LinkedHashMap<>(details));
        }
    }

    /** An action that cannot run as asked: the provider was not called. */
    final class ActionException extends RuntimeException {

        public enum Kind {
            /** The instance has no action of that name. */
            UNKNOWN_ACTION,
            /** A parameter is missing, unknown or malformed; the message says which. */
            BAD_PARAMS
        }

        private final Kind kind;

        public ActionException(Kind kind, String message) {
            super(message, null, false, false);
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }

        public static ActionException unknownAction(String instance, String action) {
            return new ActionException(Kind.UNKNOWN_ACTION, "provider instance " + instance + " has no action '"
                    + action + "'");
        }

        public static ActionException badParams(String message) {
            return new ActionException(Kind.BAD_PARAMS, message);
        }
    }
}
