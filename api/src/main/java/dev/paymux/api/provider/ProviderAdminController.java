package dev.paymux.api.provider;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.payment.PaymentId;
import dev.paymux.core.spi.OperatorActions;
import dev.paymux.core.spi.OperatorActions.ActionContext;
import dev.paymux.core.spi.OperatorActions.ActionException;
import dev.paymux.core.spi.OperatorActions.ActionResult;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderReference;
import dev.paymux.core.providers.ProviderPayments;
import dev.paymux.onchain.provider.NativeProvider;
import dev.paymux.core.providers.ProviderCallbacks;
import dev.paymux.core.providers.StoreProviders;
import dev.paymux.core.store.Store;
import dev.paymux.core.store.StoreId;
import dev.paymux.core.store.Stores;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The configured provider instances, and which one a store hands its payments to. */
@RestController
@Tag(name = "Admin: providers", description = "Provider instances (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class ProviderAdminController {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderAdminController.class);
    private static final Pattern ACTION_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern PARAM_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int MAX_PARAMS = 20;
    private static final int MAX_VALUE_LENGTH = 256;
    /** The parameter naming a Paymux payment, translated to the provider's reference for actions that take one. */
    static final String PAYMENT_ID = "payment_id";

    private final ProviderRegistry registry;
    private final StoreProviders storeProviders;
    private final Stores stores;
    private final JsonMapper json;
    private final ProviderCallbacks callbacks;

    private final ProviderPayments providerPayments;
    private final String publicUrl;

    ProviderAdminController(ProviderRegistry registry, StoreProviders storeProviders, Stores stores, JsonMapper json,
            ProviderCallbacks callbacks, ProviderPayments providerPayments, @Value("${paymux.public-url}") String publicUrl) {
        this.callbacks = callbacks;
        this.providerPayments = providerPayments;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.registry = registry;
        this.storeProviders = storeProviders;
        this.stores = stores;
        this.json = json;
    }

    record MethodView(String currency, String min, String max, boolean available) {
    }

    record InstanceView(String instance, String type, boolean healthy, String health, List<MethodView> methods,
            @JsonProperty("needs_polling") boolean needsPolling, List<String> actions) {
        static InstanceView of(PaymentProvider p) {
            var health = p.health();
            var caps = p.capabilities();
            List<String> actions = p instanceof OperatorActions ops
                    ? ops.actions().stream().map(OperatorActions.ActionInfo::name).toList() : List.of();
            return new InstanceView(p.instance(), p.type(), health.up(), health.detail(), caps.methods().stream()
                    .map(m -> new MethodView(m.currency(), m.min() == null ? null : m.min().toPlainString(),
                            m.max() == null ? null : m.max().toPlainString(), m.available()))
                    .toList(), caps.needsPolling(), actions);
        }
    }

    record ActionView(String instance, String action, String summary, Map<String, String> details) {
    }

    record StoreProviderView(@JsonProperty("store_id") String storeId, String instance) {
    }

    @GetMapping("/admin/v1/providers")
    @Operation(summary = "Configured provider instances, their health and pay methods")
    ApiResponse<List<InstanceView>> instances() {
        return ApiResponse.ok(registry.all().stream().map(InstanceView::of).toList());
    }

    @PostMapping("/admin/v1/providers/{instance}/actions/{action}")
    @Operation(summary = "Run an operator action of a provider instance",
            description = "Body: a JSON object of string parameters, e.g. {\"asset\": \"USDT_TRC20\", \"status\": "
                    + "\"paid\"} for Cryptomus's test-webhook, or {\"payment_id\": \"<Paymux payment id>\"} for its "
                    + "resend. GET /admin/v1/providers lists each instance's actions. 404: no such instance or action; "
                    + "400: bad parameters; 422: the provider refused; 502/503: the provider failed.")
    ApiResponse<ActionView> runAction(@PathVariable String instance, @PathVariable String action,
            HttpServletRequest request) throws IOException {
        PaymentProvider provider = registry.find(instance)
                .orElseThrow(() -> ApiException.notFound("no provider instance is named '" + instance + "'"));
        OperatorActions.ActionInfo info = provider instanceof OperatorActions ops && ACTION_NAME.matcher(action).matches()
                ? ops.actions().stream().filter(a -> a.name().equals(action)).findFirst().orElse(null) : null;
        if (info == null) {
            throw ApiException.notFound("provider instance " + provider.instance() + " has no action '" + action + "'");
        }
        Map<String, String> params = params(JsonBodies.object(request, json));
        ProviderReference payment = null;
        String paymentId = params.remove(PAYMENT_ID);
        if (paymentId != null) {
            if (!info.takesPayment()) {
                throw badRequest(action + " does not take " + PAYMENT_ID);
            }
            payment = payment(provider, paymentId);
        }
        ActionContext context = new ActionContext(publicUrl + "/callbacks/" + provider.instance(), payment);
        try {
            ActionResult result = ((OperatorActions) provider).run(action, params, context);
            LOG.info("operator action {} on provider instance {} done", action, provider.instance());
            return ApiResponse.ok(new ActionView(provider.instance(), action, result.summary(), result.details()));
        } catch (ActionException e) {
            throw e.kind() == ActionException.Kind.UNKNOWN_ACTION ? ApiException.notFound(e.getMessage())
                    : badRequest(e.getMessage());
        } catch (ProviderException e) {
            // Its message is safe to show by contract; it names no credentials.
            LOG.warn("operator action {} on provider instance {} failed: {} {}", action, provider.instance(), e.kind(),
                    e.getMessage());
            HttpStatus status = switch (e.kind()) {
                case REJECTED -> HttpStatus.UNPROCESSABLE_CONTENT;
                case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
                case MALFORMED -> HttpStatus.BAD_GATEWAY;
            };
            throw new ApiException(status, e.getMessage());
        }
    }

    /** The body's members as string parameters: at most {@value #MAX_PARAMS}, names and values checked. */
    private static Map<String, String> params(JsonNode body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.size() > MAX_PARAMS) {
            throw badRequest("at most " + MAX_PARAMS + " parameters are allowed");
        }
        for (var entry : body.properties()) {
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (!PARAM_NAME.matcher(name).matches()) {
                throw badRequest("parameter names are lower-case letters, digits and '_'");
            }
            if (!value.isString()) {
                throw badRequest(name + " must be a string");
            }
            if (value.asString().length() > MAX_VALUE_LENGTH) {
                throw badRequest(name + " must be at most " + MAX_VALUE_LENGTH + " characters");
            }
            params.put(name, value.asString());
        }
        return params;
    }

    /** The provider's reference of Paymux payment {@code paymentId}, which {@code provider} must hold. */
    private ProviderReference payment(PaymentProvider provider, String paymentId) {
        PaymentId id = PaymentId.parse(paymentId.trim())
                .orElseThrow(() -> badRequest(PAYMENT_ID + " must be a Paymux payment id"));
        ProviderReference reference = providerPayments.find(id)
                .map(ProviderPayments.Linked::reference)
                .orElseThrow(() -> badRequest("no payment " + id + " is held by a provider"));
        if (!reference.instance().equals(provider.instance())) {
            throw badRequest("payment " + id + " is held by provider instance " + reference.instance());
        }
        return reference;
    }

    record CallbackView(long id, String instance, @JsonProperty("received_at") String receivedAt, boolean verified,
            @JsonProperty("reject_reason") String rejectReason, @JsonProperty("external_id") String externalId,
            @JsonProperty("payment_id") String paymentId, @JsonProperty("raw_status") String rawStatus,
            String outcome) {
        static CallbackView of(ProviderCallbacks.Recorded r) {
            return new CallbackView(r.id(), r.instance(), r.receivedAt().toString(), r.verified(), r.rejectReason(),
                    r.externalId(), r.payment() == null ? null : r.payment().toString(), r.rawStatus(), r.outcome());
        }
    }

    @GetMapping("/admin/v1/providers/callbacks")
    @Operation(summary = "Recent provider callbacks, newest first",
            description = "Query: instance, outcome (rejected, applied, unchanged, superseded, unknown-payment, abandoned-attempt), limit (1-500, "
                    + "default 100). Bodies are kept in the database, not shown here.")
    ApiResponse<List<CallbackView>> callbacks(@RequestParam(name = "instance", required = false) String instance,
            @RequestParam(name = "outcome", required = false) String outcome,
            @RequestParam(name = "limit", defaultValue = "100") String limit) {
        if (outcome != null && !List.of("rejected", "applied", "unchanged", "superseded", "unknown-payment", "abandoned-attempt").contains(outcome)) {
            throw badRequest("outcome must be one of rejected, applied, unchanged, superseded, unknown-payment, abandoned-attempt");
        }
        int n = limit.matches("\\d{1,3}") ? Integer.parseInt(limit) : -1;
        if (n < 1 || n > 500) {
            throw badRequest("limit must be an integer from 1 to 500");
        }
        return ApiResponse.ok(callbacks.recent(instance, outcome, n).stream().map(CallbackView::of).toList());
    }

    @PutMapping("/admin/v1/stores/{storeId}/provider")
    @Operation(summary = "Hand a store's payments to a provider instance",
            description = "Body: {\"instance\": \"<name>\"}, or {\"instance\": null} to take them natively again.")
    ApiResponse<StoreProviderView> assign(@PathVariable String storeId, HttpServletRequest request) throws IOException {
        Store store = StoreId.parse(storeId).flatMap(stores::findById)
                .orElseThrow(() -> ApiException.notFound("store not found"));
        JsonNode root = JsonBodies.object(request, json);
        if (!root.has("instance")) {
            throw badRequest("instance is required (a provider instance name, or null)");
        }
        JsonNode node = root.get("instance");
        String instance = null;
        if (!node.isNull()) {
            if (!node.isString()) {
                throw badRequest("instance must be a provider instance name or null");
            }
            instance = registry.find(node.asString()).map(PaymentProvider::instance)
                    .orElseThrow(() -> badRequest("no provider instance is named '" + node.asString() + "'"));
            if (instance.equals(NativeProvider.TYPE)) {
                // Paymux's own provider is what a store without a provider uses.
                instance = null;
            }
        }
        storeProviders.assign(store.id(), instance);
        return ApiResponse.ok(new StoreProviderView(store.id().toString(), instance));
    }
}
