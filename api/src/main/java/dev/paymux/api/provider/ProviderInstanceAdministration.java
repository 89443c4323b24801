package dev.paymux.api.provider;

import static dev.paymux.api.web.ApiException.badRequest;

import dev.paymux.api.web.ApiException;
import dev.paymux.api.web.OutboundUrlPolicy;
import dev.paymux.core.spi.FeeSchedule;
import dev.paymux.core.spi.PayMethod;
import dev.paymux.core.spi.PaymentProvider;
import dev.paymux.core.providers.ProviderFees;
import dev.paymux.core.providers.ProviderInstances;
import dev.paymux.core.tx.Transactions;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Changes to stored provider instances and to fee schedules: validated (the instance is built by its
 * factory before anything is written), written with their audit entry in one transaction, then published
 * to the live {@link ProviderRegistry} and {@link OperatorFees}. Changes are serialised.
 */
@Component
class ProviderInstanceAdministration {

    private final ProviderRegistry registry;
    private final ProviderInstances stored;
    private final ProviderFees fees;
    private final OperatorFees operatorFees;
    private final Transactions tx;
    private final Clock clock;
    private final JsonMapper json;
    private final OutboundUrlPolicy urls;

    ProviderInstanceAdministration(ProviderRegistry registry, ProviderInstances stored, ProviderFees fees,
            OperatorFees operatorFees, Transactions tx, Clock clock, JsonMapper json,
            @Value("${paymux.providers.allow-http:${paymux.webhooks.allow-http:false}}") boolean allowHttp,
            @Value("${paymux.providers.allow-private-targets:${paymux.webhooks.allow-private-targets:false}}")
            boolean allowPrivate) {
        this.urls = new OutboundUrlPolicy(allowHttp, allowPrivate);
        this.registry = registry;
        this.stored = stored;
        this.fees = fees;
        this.operatorFees = operatorFees;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
    }

    /** The settings of a change: values by key; for a partial change a null value removes the key. */
    record SettingsChange(Map<String, String> values, boolean partial) {
    }

    synchronized ProviderInstances.Stored create(String actor, String name, String type, Map<String, String> settings,
            boolean enabled) {
        requireFree(name);
        settings.forEach((k, v) -> {
            if (Masking.MASK.equals(v)) {
                throw badRequest("settings." + k + " is the mask " + Masking.MASK + "; give the value itself");
            }
        });
        PaymentProvider provider = build(name, type, settings);
        Instant now = clock.instant();
        ProviderInstances.Stored s = new ProviderInstances.Stored(name, type, enabled, settings, now, now);
        ObjectNode detail = json.createObjectNode().put("type", type).put("enabled", enabled);
        putSettings(detail.putObject("settings"), settings);
        boolean inserted = tx.inTransaction(() -> {
            if (!stored.insert(s)) {
                return false;
            }
            stored.audit(now, actor, "create", name, json.writeValueAsString(detail));
            return true;
        });
        if (!inserted) {
            throw conflict("a provider instance is already named '" + name + "'");
        }
        registry.putStored(provider, s);
        return s;
    }

    /** Changes a stored instance's settings and/or enabled flag; a settings change rebuilds it. */
    synchronized ProviderInstances.Stored update(String actor, String name, SettingsChange change, Boolean enabled,
            String action) {
        ProviderInstances.Stored old = storedOrFail(name);
        Map<String, String> settings = change == null ? old.settings() : resolve(old.settings(), change);
        boolean settingsChanged = !settings.equals(old.settings());
        boolean enable = enabled == null ? old.enabled() : enabled;
        var current = registry.entry(name);
        PaymentProvider provider = settingsChanged || current.isEmpty() ? build(name, old.type(), settings)
                : current.get().provider();
        Instant now = clock.instant();
        ProviderInstances.Stored next = new ProviderInstances.Stored(name, old.type(), enable, settings,
                old.createdAt(), now);
        ObjectNode detail = json.createObjectNode();
        if (settingsChanged) {
            ObjectNode changed = detail.putObject("settings");
            TreeSet<String> keys = new TreeSet<>(old.settings().keySet());
            keys.addAll(settings.keySet());
            for (String k : keys) {
                String from = old.settings().get(k);
                String to = settings.get(k);
                if (!Objects.equals(from, to)) {
                    ObjectNode c = changed.putObject(k);
                    putMasked(c, "from", k, from);
                    putMasked(c, "to", k, to);
                }
            }
        }
        if (enable != old.enabled()) {
            detail.putObject("enabled").put("from", old.enabled()).put("to", enable);
        }
        tx.inTransaction(() -> {
            stored.update(next);
            stored.audit(now, actor, action, name, json.writeValueAsString(detail));
            return null;
        });
        registry.putStored(provider, next);
        return next;
    }

    /** Replaces an instance's fee schedule (stored or configured); an empty list returns to the adapter's. */
    synchronized void replaceFees(String actor, String name, List<PayMethod> methods) {
        if (registry.entry(name).isEmpty()) {
            throw ApiException.notFound("no provider instance is named '" + name + "'");
        }
        Instant now = clock.instant();
        ObjectNode detail = json.createObjectNode();
        ArrayNode list = detail.putArray("methods");
        for (PayMethod m : methods) {
            FeeSchedule f = m.fees();
            ObjectNode o = list.addObject().put("currency", m.currency());
            putDecimal(o, "min", m.min());
            putDecimal(o, "max", m.max());
            putDecimal(o, "percent", f.percent());
            putDecimal(o, "fixed", f.fixed());
            putDecimal(o, "minimum", f.minimum());
            putDecimal(o, "network_fee", f.networkFee());
            putDecimal(o, "fx_spread_percent", f.fxSpreadPercent());
            o.put("available", m.available());
        }
        tx.inTransaction(() -> {
            fees.replace(name, methods, now);
            stored.audit(now, actor, "fees", name, json.writeValueAsString(detail));
            return null;
        });
        operatorFees.refresh(name);
    }

    private void requireFree(String name) {
        if (registry.entry(name).isPresent() || stored.find(name).isPresent()) {
            boolean configured = registry.entry(name).map(e -> e.source() == ProviderRegistry.Source.CONFIGURATION)
                    .orElse(false);
            throw conflict("a provider instance is already named '" + name + "'"
                    + (configured ? " in the application configuration" : ""));
        }
    }

    private ProviderInstances.Stored storedOrFail(String name) {
        var entry = registry.entry(name);
        if (entry.isPresent() && entry.get().source() == ProviderRegistry.Source.CONFIGURATION) {
            throw conflict("provider instance '" + name + "' is defined in the application configuration and is "
                    + "read-only here");
        }
        return stored.find(name).orElseThrow(() -> ApiException.notFound("no provider instance is named '" + name + "'"));
    }

    private PaymentProvider build(String name, String type, Map<String, String> settings) {
        checkUrls(settings);
        try {
            return registry.build(name, type, settings);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    /** Every URL setting ({@code url}, {@code base-url}, {@code rpc-url}, ...) is one Paymux will call. */
    private void checkUrls(Map<String, String> settings) {
        settings.forEach((k, v) -> {
            if (v != null && (k.equals("url") || k.endsWith("-url") || k.endsWith(".url"))) {
                urls.refusal(v.strip()).ifPresent(why -> {
                    throw badRequest("settings." + k + " is not accepted: " + why);
                });
            }
        });
    }

    /** The new settings: masks keep the stored secret, and a partial change keeps what it does not name. */
    private static Map<String, String> resolve(Map<String, String> old, SettingsChange change) {
        Map<String, String> out = change.partial() ? new TreeMap<>(old) : new TreeMap<>();
        for (Map.Entry<String, String> e : change.values().entrySet()) {
            String k = e.getKey();
            String v = e.getValue();
            if (v == null) {
                out.keySet().removeIf(key -> key.equals(k) || key.startsWith(k + ".") || key.startsWith(k + "["));
            } else if (Masking.MASK.equals(v)) {
                if (!old.containsKey(k)) {
                    throw badRequest("settings." + k + " is the mask " + Masking.MASK + " but no value is stored for it");
                }
                out.put(k, old.get(k));
            } else {
                out.put(k, v);
            }
        }
        return out;
    }

    private static void putSettings(ObjectNode node, Map<String, String> settings) {
        new TreeMap<>(settings).forEach((k, v) -> node.put(k, Masking.mask(k, v)));
    }

    private static void putMasked(ObjectNode node, String field, String key, String value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, Masking.mask(key, value));
        }
    }

    private static void putDecimal(ObjectNode node, String field, BigDecimal value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value.toPlainString());
        }
    }

    static ApiException conflict(String message) {
        return new ApiException(HttpStatus.CONFLICT, message);
    }

    static Map<String, String> ordered(Map<String, String> m) {
        return new LinkedHashMap<>(new TreeMap<>(m));
    }
}
