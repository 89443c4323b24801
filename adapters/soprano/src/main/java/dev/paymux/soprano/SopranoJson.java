package dev.paymux.soprano;

import com.fasterxml.jackson.annotation.JsonInclude;
import feign.RequestTemplate;
import feign.Response;
import feign.Util;
import feign.codec.Decoder;
import feign.codec.Encoder;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Soprano's JSON: snake_case names, money as exact decimals, unknown fields ignored. */
final class SopranoJson {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .changeDefaultPropertyInclusion(v -> v.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    private SopranoJson() {
    }

    /** Writes request records as UTF-8 JSON. */
    static final class JsonEncoder implements Encoder {
        @Override
        public void encode(Object object, Type bodyType, RequestTemplate template) {
            template.header("Content-Type", "application/json");
            template.body(MAPPER.writeValueAsBytes(object), StandardCharsets.UTF_8);
        }
    }

    /**
     * Reads response records. Any failure to read becomes a decode error, which the provider reports as
     * {@code MALFORMED}: an empty or unreadable body never passes for an answer.
     */
    static final class JsonDecoder implements Decoder {
        @Override
        public Object decode(Response response, Type type) throws IOException {
            if (response.body() == null) {
                throw new IllegalStateException("empty body");
            }
            try (InputStream in = response.body().asInputStream()) {
                byte[] bytes = Util.toByteArray(in);
                if (bytes.length == 0) {
                    throw new IllegalStateException("empty body");
                }
                return MAPPER.readValue(bytes, MAPPER.constructType(type));
            }
        }
    }
}
