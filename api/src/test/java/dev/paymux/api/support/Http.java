package dev.paymux.api.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A plain HTTP client for tests: exact bytes out, status and parsed JSON back. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String base;
    private final JsonMapper json;

    public Http(String base, JsonMapper json) {
        this.base = base;
        this.json = json;
    }

    public record Response(int status, String body, JsonNode json, java.net.http.HttpHeaders headers) {

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers == null ? null : headers.firstValue(name).orElse(null);
        }

        public JsonNode data() {
            return json.get("data");
        }

        public String error() {
            return json.get("error").asString();
        }
    }

    public Response send(String method, String pathAndQuery, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(30));
        headers.forEach(b::header);
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String text = r.body().stripLeading();
            JsonNode node = text.startsWith("{") || text.startsWith("[") ? json.readTree(text) : null;
            return new Response(r.statusCode(), r.body(), node, r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Response get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, Map.of());
    }

    public Response postJson(String path, String body) {
        return send("POST", path, body.getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "application/json"));
    }
}
