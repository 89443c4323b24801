package dev.paymux.soprano;

import dev.paymux.adapter.http.JsonCodec;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** Soprano's JSON: the shared codec's defaults with snake_case names. */
final class SopranoJson {

    static final JsonMapper MAPPER = JsonCodec.mapper(PropertyNamingStrategies.SNAKE_CASE);

    static final JsonCodec CODEC = JsonCodec.of(MAPPER);

    private SopranoJson() {
    }
}
