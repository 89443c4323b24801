package dev.paymux.api.provider;

import static dev.paymux.api.web.ApiException.badRequest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.paymux.api.web.Actors;
import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.ApiResponse;
import dev.paymux.api.web.JsonBodies;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.providers.ProviderInstances;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Provider instances managed at runtime (stored in the database, built by the adapters' factories, live
 * without a restart), the configured ones read-only beside them, the operator's fee schedules per instance
 * and currency, and the audit trail of every change. Secrets are never shown: any setting whose key
 * contains key, secret, password, token or sign reads {@code "***"}, and sending {@code "***"} back keeps
 * the stored value.
 */
@RestController
@Tag(name = "Admin: provider instances",
        description = "Provider instances and fee schedules (Authorization: Bearer <operator token>)")
@SecurityRequirement(name = "admin")
class ProviderInstanceAdminController {

    static final String BASE = "/admin/v1/provider-instances";
    static final String ACTOR_HEADER = Actors.HEADER;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z][A-Z0-9]{1,11}(_[A-Z0-9]{2,12})?");
    private static final Set<String> RESERVED = Set.of("audit");
    private static final int MAX_SETTINGS = 200;
    private static final int MAX_VALUE = 4096;
    private static final int MAX_DEPTH = 8;
    private static final int MAX_METHODS = 100;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final ProviderRegistry registry;
    private final ProviderInstances stored;
    private final ProviderInstanceAdministration admin;
    private final OperatorFees operatorFees;
    private final JsonMapper json;

    ProviderInstanceAdminController(ProviderRegistry registry, ProviderInstances stored,
            ProviderInstanceAdministration admin, OperatorFees operatorFees, JsonMapper json) {
        this.registry = registry;
        this.stored = stored;
        this.admin = admin;
        this.operatorFees = operatorFees;
        this.json = json;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InstanceView(String name, String type, String source, boolean enabled, boolean routable,
            @JsonProperty("read_only") boolean readOnly, Map<String, String> settings,
            @JsonProperty("created_at") String createdAt, @JsonProperty("updated_at") String updatedAt) {
    }

    record FeeMethodView(String currency, String min, String max, String percent, String fixed, String minimum,
            @JsonProperty("network_fee") String networkFee, @JsonProperty("fx_spread_percent") String fxSpreadPercent,
            boolean available, String source) {
    }

    record FeesView(String instance, String source, List<FeeMethodView> methods) {
    }

    record AuditView(long id, String at, String actor, String action, String instance, JsonNode detail) {
    }

    // ---- instances ----

    @PostMapping(BASE)
    @Operation(summary = "Add a provider instance",
            description = "Body: {\"name\": \"cryptomus-eu\", \"type\": \"cryptomus\", \"settings\": {\"merchant-id\": "
                    + "\"...\", \"api-key\": \"...\"}, \"enabled\": true}. Settings are the keys of "
                    + "paymux.providers.instances.<name>.* as strings; nest with objects/arrays or dotted keys "
                    + "(\"methods[0].currency\"). The adapter validates them: 400 naming the setting; 409 when the "
                    + "name is taken. Answers 201 with the instance, secrets masked.")
    ResponseEntity<ApiResponse<InstanceView>> create(HttpServletRequest request) throws IOException {
        String actor = actor(request);
        JsonNode root = JsonBodies.object(request, json);
        allowOnly(root, "name", "type", "settings", "enabled");
        String name = requiredText(root, "name");
        if (!NAME.matcher(name).matches() || RESERVED.contains(name)) {
            throw badRequest("name must be 1 to 63 lower-case letters, digits or dashes, starting with a letter "
                    + "or digit (it is also the callback path /callbacks/<name>)");
        }
        String type = requiredText(root, "type");
        if (!TYPE.matcher(type).matches()) {
            throw badRequest("type must be a provider type; known types: " + String.join(", ", registry.types()));
        }
        if (!root.has("settings")) {
            throw badRequest("settings is required (an object of the instance's settings)");
        }
        Map<String, String> settings = settings(root.get("settings"), false);
        boolean enabled = optionalBoolean(root, "enabled", true);
        ProviderInstances.Stored s = admin.create(actor, name, type, settings, enabled);
        return ResponseEntity.status(HttpStatus.CREATED).body(ApiResponse.ok(view(s)));
    }

    @GetMapping(BASE)
    @Operation(summary = "Every provider instance: configured (read-only) and stored",
            description = "source is configuration or database; routable is false for a disabled instance.")
    ApiResponse<List<InstanceView>> list() {
        Map<String, ProviderInstances.Stored> rows = new LinkedHashMap<>();
        stored.all().forEach(s -> rows.put(s.name(), s));
        List<InstanceView> out = new ArrayList<>();
        for (ProviderRegistry.Entry e : registry.entries()) {
            String name = e.provider().instance();
            out.add(e.source() == ProviderRegistry.Source.DATABASE && rows.containsKey(name)
                    ? view(rows.remove(name)) : configuredView(e));
        }
        // Stored instances that are not live (they failed to build at start-up, or a configured one shadows them).
        rows.values().stream().filter(s -> registry.entry(s.name()).isEmpty()).forEach(s -> out.add(view(s)));
        return ApiResponse.ok(out);
    }

    @GetMapping(BASE + "/{name}")
    @Operation(summary = "One provider instance, secrets masked")
    ApiResponse<InstanceView> get(@PathVariable String name) {
        return ApiResponse.ok(viewOf(name));
    }

    @PutMapping(BASE + "/{name}")
    @Operation(summary = "Replace a stored instance's settings (and optionally enabled)",
            description = "Body: {\"settings\": {...}, \"enabled\": true}. The settings replace the stored ones; "
                    + "a value \"***\" keeps the stored secret. The instance is rebuilt; payments already at it "
                    + "continue. Configured instances are read-only (409).")
    ApiResponse<InstanceView> replace(@PathVariable String name, HttpServletRequest request) throws IOException {
        return ApiResponse.ok(view(change(name, request, false)));
    }

    @PatchMapping(BASE + "/{name}")
    @Operation(summary = "Change some settings of a stored instance, or enable/disable it",
            description = "Body: {\"settings\": {\"read-timeout\": \"5s\", \"old-key\": null}, \"enabled\": false}. "
                    + "Keys not named are kept, null removes a key, \"***\" keeps the stored secret.")
    ApiResponse<InstanceView> patch(@PathVariable String name, HttpServletRequest request) throws IOException {
        return ApiResponse.ok(view(change(name, request, true)));
    }

    @DeleteMapping(BASE + "/{name}")
    @Operation(summary = "Disable a stored instance",
            description = "No new payment goes to it; payments already there are still reconciled and its callbacks "
                    + "still accepted. PATCH {\"enabled\": true} enables it again.")
    ApiResponse<InstanceView> disable(@PathVariable String name, HttpServletRequest request) {
        String actor = actor(request);
        return ApiResponse.ok(view(admin.update(actor, name, null, false, "disable")));
    }

    private ProviderInstances.Stored change(String name, HttpServletRequest request, boolean partial)
            throws IOException {
        String actor = actor(request);
        JsonNode root = JsonBodies.object(request, json);
        allowOnly(root, "name", "type", "settings", "enabled", "source", "read_only", "routable", "created_at",
                "updated_at");
        ProviderInstances.Stored current = stored.find(name).orElse(null);
        if (root.has("name") && !(root.get("name").isString() && root.get("name").asString().equals(name))) {
            throw badRequest("name cannot be changed");
        }
        if (current != null && root.has("type")
                && !(root.get("type").isString() && root.get("type").asString().equals(current.type()))) {
            throw badRequest("type cannot be changed; add a new instance instead");
        }
        Boolean enabled = root.has("enabled") ? optionalBoolean(root, "enabled", true) : null;
        ProviderInstanceAdministration.SettingsChange settings = null;
        if (root.has("settings")) {
            settings = new ProviderInstanceAdministration.SettingsChange(settings(root.get("settings"), partial),
                    partial);
        } else if (!partial) {
            throw badRequest("settings is required (the instance's complete settings; \"***\" keeps a secret)");
        }
        if (settings == null && enabled == null) {
            throw badRequest("nothing to change: give settings and/or enabled");
        }
        return admin.update(actor, name, settings, enabled, "update");
    }

    // ---- fees ----

    @PutMapping(BASE + "/{name}/fees")
    @Operation(summary = "Set an instance's fee schedule per pay-in currency (configured instances too)",
            description = "Body: {\"methods\": [{\"currency\": \"USDT_TRC20\", \"min\": \"1\", \"max\": \"10000\", "
                    + "\"percent\": \"0.8\", \"fixed\": \"0\", \"minimum\": \"0.1\", \"network_fee\": \"1\", "
                    + "\"fx_spread_percent\": \"0\", \"available\": true}]}. Decimals are strings, non-negative; "
                    + "percentages at most 100; min <= max. The methods replace the adapter's for their currencies "
                    + "in routing quotes; an empty list returns to the adapter's.")
    ApiResponse<FeesView> putFees(@PathVariable String name, HttpServletRequest request) throws IOException {
        String actor = actor(request);
        if (registry.entry(name).isEmpty()) {
            throw ApiException.notFound("no provider instance is named '" + name + "'");
        }
        JsonNode root = JsonBodies.object(request, json);
        allowOnly(root, "methods", "instance", "source");
        JsonNode list = root.get("methods");
        if (list == null || !list.isArray()) {
            throw badRequest("methods is required (an array of pay methods, empty to use the adapter's)");
        }
        if (list.size() > MAX_METHODS) {
            throw badRequest("at most " + MAX_METHODS + " methods");
        }
        List<PayMethod> methods = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            PayMethod m = method(list.get(i), "methods[" + i + "]");
            if (!seen.add(m.currency())) {
                throw badRequest("methods[" + i + "].currency " + m.currency() + " is given twice");
            }
            methods.add(m);
        }
        admin.replaceFees(actor, name, methods);
        return ApiResponse.ok(feesOf(name));
    }

    @GetMapping(BASE + "/{name}/fees")
    @Operation(summary = "The effective pay methods of an instance",
            description = "The operator's stored methods (source database), then the adapter's for other currencies "
                    + "(source adapter).")
    ApiResponse<FeesView> fees(@PathVariable String name) {
        if (registry.entry(name).isEmpty()) {
            throw ApiException.notFound("no provider instance is named '" + name + "'");
        }
        return ApiResponse.ok(feesOf(name));
    }

    // ---- audit ----

    @GetMapping(BASE + "/audit")
    @Operation(summary = "Who changed which instance or fee schedule, newest first",
            description = "Query: instance, limit (1-500, default 100). Secrets are masked.")
    ApiResponse<List<AuditView>> audit(@RequestParam(name = "instance", required = false) String instance,
            @RequestParam(name = "limit", defaultValue = "100") String limit) {
        int n = limit.matches("\\d{1,3}") ? Integer.parseInt(limit) : -1;
        if (n < 1 || n > 500) {
            throw badRequest("limit must be an integer from 1 to 500");
        }
        if (instance != null && (instance.isBlank() || instance.length() > 63)) {
            throw badRequest("instance must be a provider instance name");
        }
        return ApiResponse.ok(stored.audit(instance, n).stream().map(a -> new AuditView(a.id(), a.at().toString(),
                a.actor(), a.action(), a.instance(), detail(a.detailJson()))).toList());
    }

    // ---- views ----

    private InstanceView viewOf(String name) {
        var entry = registry.entry(name);
        if (entry.isPresent() && entry.get().source() == ProviderRegistry.Source.CONFIGURATION) {
            return configuredView(entry.get());
        }
        return stored.find(name).map(this::view)
                .orElseThrow(() -> ApiException.notFound("no provider instance is named '" + name + "'"));
    }

    private InstanceView view(ProviderInstances.Stored s) {
        return new InstanceView(s.name(), s.type(), ProviderRegistry.Source.DATABASE.label(), s.enabled(),
                registry.routable(s.name()), false, Masking.masked(s.settings()), s.createdAt().toString(),
                s.updatedAt().toString());
    }

    private static InstanceView configuredView(ProviderRegistry.Entry e) {
        return new InstanceView(e.provider().instance(), e.provider().type(), e.source().label(), e.enabled(),
                e.enabled(), true, null, null, null);
    }

    private FeesView feesOf(String name) {
        PaymentProvider p = registry.find(name).orElseThrow(() -> ApiException.notFound(
                "no provider instance is named '" + name + "'"));
        List<PayMethod> mine = operatorFees.stored(name);
        List<FeeMethodView> methods = new ArrayList<>();
        for (PayMethod m : OperatorFees.merge(mine, p.capabilities().methods())) {
            methods.add(methodView(m, mine.contains(m) ? "database" : "adapter"));
        }
        return new FeesView(name, mine.isEmpty() ? "adapter" : "database", methods);
    }

    private static FeeMethodView methodView(PayMethod m, String source) {
        FeeSchedule f = m.fees();
        return new FeeMethodView(m.currency(), plain(m.min()), plain(m.max()), plain(f.percent()), plain(f.fixed()),
                plain(f.minimum()), plain(f.networkFee()), plain(f.fxSpreadPercent()), m.available(), source);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private JsonNode detail(String detailJson) {
        try {
            return json.readTree(detailJson == null ? "{}" : detailJson);
        } catch (JacksonException e) {
            return json.createObjectNode();
        }
    }

    // ---- input ----

    /** The actor of a change: see {@link Actors}. */
    static String actor(HttpServletRequest request) {
        return Actors.of(request);
    }

    private static void allowOnly(JsonNode root, String... fields) {
        Set<String> allowed = Set.of(fields);
        for (String f : root.propertyNames()) {
            if (!allowed.contains(f)) {
                throw badRequest("unknown field '" + clip(f) + "'");
            }
        }
    }

    private static String requiredText(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw badRequest(field + " is required");
        }
        if (!n.isString() || n.asString().isBlank()) {
            throw badRequest(field + " must be text");
        }
        return n.asString().trim();
    }

    private static boolean optionalBoolean(JsonNode root, String field, boolean otherwise) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return otherwise;
        }
        if (!n.isBoolean()) {
            throw badRequest(field + " must be true or false");
        }
        return n.booleanValue();
    }

    /**
     * The settings object flattened to kebab-case keys ({@code methods[0].fees.percent}); every value must be
     * a string, or null in a partial change (removing the key).
     */
    private static Map<String, String> settings(JsonNode node, boolean allowNull) {
        if (node == null || !node.isObject()) {
            throw badRequest("settings must be an object of setting names to string values");
        }
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", node, out, allowNull, 0);
        return out;
    }

    private static void flatten(String at, JsonNode node, Map<String, String> out, boolean allowNull, int depth) {
        if (depth > MAX_DEPTH) {
            throw badRequest("settings are nested too deeply");
        }
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                flatten(at.isEmpty() ? e.getKey() : at + "." + e.getKey(), e.getValue(), out, allowNull, depth + 1);
            }
            return;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(at + "[" + i + "]", node.get(i), out, allowNull, depth + 1);
            }
            return;
        }
        if (!dev.paymux.core.spi.MapSettings.KEY.matcher(at).matches()) {
            throw badRequest("setting '" + clip(at) + "' is not a kebab-case key such as api-key or "
                    + "methods[0].currency");
        }
        if (node.isNull()) {
            if (!allowNull) {
                throw badRequest("settings." + at + " must be a string");
            }
            putOnce(out, at, null);
            return;
        }
        if (!node.isString()) {
            throw badRequest("settings." + at + " must be a string (give numbers and booleans as text, e.g. \"7\")");
        }
        if (node.asString().indexOf('\u0000') >= 0) {
            throw badRequest("settings." + at + " must not contain NUL characters");
        }
        if (node.asString().length() > MAX_VALUE) {
            throw badRequest("settings." + at + " is longer than " + MAX_VALUE + " characters");
        }
        putOnce(out, at, node.asString());
    }

    private static void putOnce(Map<String, String> out, String key, String value) {
        if (out.containsKey(key)) {
            throw badRequest("setting '" + key + "' is given twice");
        }
        if (out.size() >= MAX_SETTINGS) {
            throw badRequest("at most " + MAX_SETTINGS + " settings");
        }
        out.put(key, value);
    }

    private static PayMethod method(JsonNode node, String at) {
        if (node == null || !node.isObject()) {
            throw badRequest(at + " must be an object");
        }
        allowOnly(node, "currency", "min", "max", "percent", "fixed", "minimum", "network_fee", "fx_spread_percent",
                "available", "source");
        JsonNode c = node.get("currency");
        if (c == null || !c.isString() || !CURRENCY.matcher(c.asString().trim().toUpperCase(Locale.ROOT)).matches()) {
            throw badRequest(at + ".currency must be a currency code such as USDT_TRC20, BTC or RUB");
        }
        String currency = c.asString().trim().toUpperCase(Locale.ROOT);
        BigDecimal min = decimal(node, at, "min", false);
        BigDecimal max = decimal(node, at, "max", false);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw badRequest(at + ".min must not be greater than max");
        }
        BigDecimal percent = decimal(node, at, "percent", true);
        BigDecimal fx = decimal(node, at, "fx_spread_percent", true);
        if (percent.compareTo(HUNDRED) > 0) {
            throw badRequest(at + ".percent must be at most 100");
        }
        if (fx.compareTo(HUNDRED) > 0) {
            throw badRequest(at + ".fx_spread_percent must be at most 100");
        }
        FeeSchedule fees = new FeeSchedule(percent, decimal(node, at, "fixed", true), decimal(node, at, "minimum", true),
                decimal(node, at, "network_fee", true), fx);
        return new PayMethod(currency, min, max, fees, optionalBoolean(node, "available", true));
    }

    /** A non-negative decimal given as a string; absent is null, or zero for a fee. */
    private static BigDecimal decimal(JsonNode node, String at, String field, boolean fee) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull()) {
            return fee ? BigDecimal.ZERO : null;
        }
        if (!n.isString()) {
            throw badRequest(at + "." + field + " must be a decimal string such as \"0.8\"");
        }
        BigDecimal d;
        try {
            String text = n.asString().trim();
            if (!text.matches("\\d{1,24}(\\.\\d{1,18})?")) {
                throw new NumberFormatException();
            }
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw badRequest(at + "." + field + " must be a non-negative decimal string such as \"0.8\" "
                    + "(at most 18 decimals)");
        }
        return d;
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
