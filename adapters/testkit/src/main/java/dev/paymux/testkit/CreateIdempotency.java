package dev.paymux.testkit;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How a provider keeps two creates for one Paymux reference to one provider payment. The kit checks it
 * against the requests the adapter actually sent (WireMock's request journal), never against the stub's
 * answer: a stub answering every create with the same payment would otherwise hide an adapter that lost
 * its idempotency.
 */
public sealed interface CreateIdempotency {

    /**
     * The provider deduplicates creates by a key the adapter sends (an idempotency-key header, or an order
     * id field carrying Paymux's reference). The kit requires that every create for one reference carries
     * the same non-blank key, and that another reference carries another key.
     *
     * @param description what the key is, for failure messages (e.g. {@code "body field order_id"})
     * @param key         reads the key from a recorded create request; null when the request has none
     */
    record ProviderKey(String description, Function<LoggedRequest, String> key) implements CreateIdempotency {
        public ProviderKey {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * The provider does not deduplicate creates: the adapter remembers what it created, and a second create
     * for the same reference sends no second create request to the provider.
     */
    record AdapterRemembers() implements CreateIdempotency {
    }

    /** The provider deduplicates by the request header {@code name}. */
    static CreateIdempotency header(String name) {
        return new ProviderKey("header " + name, r -> r.containsHeader(name) ? r.getHeader(name) : null);
    }

    /** The provider deduplicates by the top-level JSON body field {@code name} (e.g. {@code order_id}). */
    static CreateIdempotency jsonField(String name) {
        return new ProviderKey("JSON body field " + name, r -> JsonField.read(r, name));
    }

    /** The adapter makes create idempotent itself (the provider's create is not). */
    static CreateIdempotency adapterRemembers() {
        return new AdapterRemembers();
    }

    /** Reads one top-level field of a JSON request body. */
    final class JsonField {
        private static final JsonMapper JSON = JsonMapper.builder().build();

        private JsonField() {
        }

        static String read(LoggedRequest request, String name) {
            String body = request.getBodyAsString();
            if (body == null || body.isBlank()) {
                return null;
            }
            try {
                JsonNode field = JSON.readTree(body.getBytes(StandardCharsets.UTF_8)).get(name);
                return field == null || field.isNull() || field.isContainer() ? null : field.asString();
            } catch (JacksonException notJson) {
                return null;
            }
        }
    }
}
