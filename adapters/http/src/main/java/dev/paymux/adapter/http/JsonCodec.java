package dev.paymux.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import feign.RequestTemplate;
import feign.Response;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feign's encoder and decoder for a provider's JSON, on Jackson. Money stays exact (decimals read as
 * {@link java.math.BigDecimal}, written plain), unknown fields are ignored, nulls are not written. An empty or
 * unreadable answer is a {@link DecodeException}, which {@link ProviderErrors} reports as {@code MALFORMED}:
 * it never passes for an answer.
 */
public final class JsonCodec implements Encoder, Decoder {

    private final JsonMapper mapper;
    private final boolean objectsOnly;

    private JsonCodec(JsonMapper mapper, boolean objectsOnly) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.objectsOnly = objectsOnly;
    }

    /** The shared defaults with the provider's field naming (e.g. snake_case), or Java's names when null. */
    public static JsonMapper mapper(PropertyNamingStrategy naming) {
        JsonMapper.Builder builder = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
                .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL));
        if (naming != null) {
            builder.propertyNamingStrategy(naming);
        }
        return builder.build();
    }

    /** A codec with the shared defaults and Java's field names. */
    public static JsonCodec standard() {
        return new JsonCodec(mapper(null), false);
    }

    /** A codec on {@code mapper} (e.g. {@link #mapper} with the provider's naming). */
    public static JsonCodec of(JsonMapper mapper) {
        return new JsonCodec(mapper, false);
    }

    /** The same codec, but an answer decoded as a tree must be a JSON object (a bare string or array is garbage). */
    public JsonCodec objectsOnly() {
        return new JsonCodec(mapper, true);
    }

    public JsonMapper jsonMapper() {
        return mapper;
    }

    @Override
    public void encode(Object object, Type bodyType, RequestTemplate template) {
        template.header("Content-Type", "application/json");
        template.body(mapper.writeValueAsBytes(object), StandardCharsets.UTF_8);
    }

    @Override
    public Object decode(Response response, Type type) throws IOException {
        if (response.body() == null) {
            throw new DecodeException(response.status(), "empty answer", response.request());
        }
        byte[] bytes;
        try (InputStream in = response.body().asInputStream()) {
            bytes = in.readAllBytes();
        }
        if (bytes.length == 0) {
            throw new DecodeException(response.status(), "empty answer", response.request());
        }
        Object value;
        try {
            value = mapper.readValue(bytes, mapper.constructType(type));
        } catch (JacksonException e) {
            // Not the body in the message: it may hold what the provider should not have sent back.
            throw new DecodeException(response.status(), "answer is not readable JSON", response.request());
        }
        if (value == null || objectsOnly && value instanceof JsonNode node && !node.isObject()) {
            throw new DecodeException(response.status(), "answer is not a JSON object", response.request());
        }
        return value;
    }
}
