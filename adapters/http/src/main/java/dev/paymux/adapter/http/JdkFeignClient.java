package dev.paymux.adapter.http;

import feign.Client;
import feign.Request;
import feign.Response;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Feign's transport on the JDK's {@link HttpClient} (HTTP/1.1, no redirects), with the instance's connect
 * timeout and a read timeout per request. Not Feign's default {@code HttpURLConnection} client: that one may
 * silently send a POST again when a kept-alive connection turns out stale ({@code sun.net.http.retryPost}),
 * and whether a call is repeated is the adapter's decision alone (a provider create without an idempotency key
 * could otherwise open a second payment or order). Connect and read failures surface as
 * {@link IOException}s (e.g. {@link java.net.http.HttpTimeoutException}), which Feign reports as retryable.
 */
public final class JdkFeignClient implements Client {

    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("content-length", "host", "connection", "expect", "upgrade");

    private final HttpClient client;
    private final Duration readTimeout;

    public JdkFeignClient(Duration connectTimeout, Duration readTimeout) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.readTimeout = readTimeout;
    }

    @Override
    public Response execute(Request request, Request.Options options) throws IOException {
        byte[] body = request.body();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(request.url()))
                .timeout(readTimeout)
                .method(request.httpMethod().name(), body == null || body.length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        request.headers().forEach((name, values) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        HttpResponse<byte[]> response;
        try {
            response = client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted");
        }
        Map<String, Collection<String>> headers = new LinkedHashMap<>();
        response.headers().map().forEach(headers::put);
        return Response.builder()
                .status(response.statusCode())
                .reason("")
                .request(request)
                .headers(headers)
                .body(response.body())
                .build();
    }
}
