package dev.paymux.exchanger;

import dev.paymux.adapter.http.JdkFeignClient;
import dev.paymux.core.provider.ProviderException.Kind;
import dev.paymux.core.provider.ProviderException;
import feign.Feign;
import feign.FeignException;
import feign.Request;
import feign.RequestInterceptor;
import feign.Response;
import feign.RetryableException;
import feign.Retryer;
import feign.codec.DecodeException;
import feign.codec.Decoder;
import feign.codec.Encoder;
import feign.codec.ErrorDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Feign client of one instance and the one place where every way an HTTP call can fail becomes a
 * typed {@link ProviderException}. Exception messages never carry the request URL (the order secret
 * travels in the query string) nor the exchanger's raw body beyond its validation message.
 */
final class ExchangerHttp {

    static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final String instance;
    private final ExchangerApi api;

    ExchangerHttp(ExchangerConfig config, RequestSigner signer) {
        this.instance = config.instance();
        this.api = Feign.builder()
                .client(new JdkFeignClient(config.connectTimeout(), config.readTimeout()))
                .options(new Request.Options(config.connectTimeout(), config.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY) // retries are Resilience4j's, per call kind
                .encoder(encoder())
                .decoder(decoder())
                .errorDecoder(new StatusErrors(instance))
                .requestInterceptor(signing(signer))
                .target(ExchangerApi.class, config.baseUrl());
    }

    ExchangerApi api() {
        return api;
    }

    /** Runs one HTTP call, turning every failure into a typed {@link ProviderException}. */
    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ProviderException e) {
            throw e;
        } catch (RetryableException e) {
            throw new ProviderException(Kind.UNAVAILABLE, instance,
                    "the exchanger did not answer (" + what + "): " + ioReason(e), rootIo(e));
        } catch (DecodeException e) {
            throw new ProviderException(Kind.MALFORMED, instance,
                    "the exchanger's answer (" + what + ") could not be read", null);
        } catch (FeignException e) {
            if (rootIo(e) != null) {
                throw new ProviderException(Kind.UNAVAILABLE, instance,
                        "the exchanger's answer (" + what + ") was cut off: " + ioReason(e), rootIo(e));
            }
            throw StatusErrors.forStatus(instance, e.status(), null);
        } catch (RuntimeException e) {
            // A signer failing, or anything else before the request left: the safe reading is "unknown".
            throw new ProviderException(Kind.UNAVAILABLE, instance,
                    "the request to the exchanger (" + what + ") could not be made: " + e.getClass().getSimpleName(),
                    null);
        }
    }

    private static RequestInterceptor signing(RequestSigner signer) {
        return template -> {
            Map<String, String> headers = signer.headers(
                    new RequestSigner.Outgoing(template.method(), template.url(), template.body()));
            if (headers != null) {
                headers.forEach((name, value) -> template.headerLiteral(name, value));
            }
        };
    }

    private static Encoder encoder() {
        return (object, bodyType, template) -> template.body(JSON.writeValueAsBytes(object), StandardCharsets.UTF_8);
    }

    private static Decoder decoder() {
        return (response, type) -> {
            if (response.body() == null) {
                throw new DecodeException(response.status(), "empty answer", response.request());
            }
            byte[] bytes;
            try (InputStream in = response.body().asInputStream()) {
                bytes = in.readAllBytes();
            }
            try {
                JsonNode tree = JSON.readTree(bytes);
                if (tree == null || tree.isMissingNode() || !tree.isObject()) {
                    throw new DecodeException(response.status(), "not a JSON object", response.request());
                }
                return tree;
            } catch (JacksonException e) {
                throw new DecodeException(response.status(), "not JSON", response.request());
            }
        };
    }

    private static IOException rootIo(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static String ioReason(Throwable e) {
        IOException io = rootIo(e);
        return io == null ? "no answer" : io.getClass().getSimpleName();
    }

    /** Non-2xx answers: the exchanger's 4xx validation message becomes a REJECTED with that message. */
    static final class StatusErrors implements ErrorDecoder {

        private final String instance;

        StatusErrors(String instance) {
            this.instance = instance;
        }

        @Override
        public Exception decode(String methodKey, Response response) {
            return forStatus(instance, response.status(), readBody(response));
        }

        static ProviderException forStatus(String instance, int status, byte[] body) {
            if (status >= 500 || status == 408 || status == 429) {
                return new ProviderException(Kind.UNAVAILABLE, instance,
                        "the exchanger is unavailable (HTTP " + status + ")", null);
            }
            if (status == 401 || status == 403) {
                return new ProviderException(Kind.REJECTED, instance,
                        "the exchanger refused this instance's authorisation (HTTP " + status + ")", null);
            }
            if (status >= 400) {
                String message = ExchangerMapping.errorMessage(body);
                return new ProviderException(Kind.REJECTED, instance, message == null
                        ? "the exchanger refused the request (HTTP " + status + ")"
                        : "the exchanger refused the request: " + message, null);
            }
            return new ProviderException(Kind.MALFORMED, instance,
                    "the exchanger answered HTTP " + status, null);
        }

        private static byte[] readBody(Response response) {
            if (response.body() == null) {
                return new byte[0];
            }
            try (InputStream in = response.body().asInputStream()) {
                return in.readNBytes(MAX_ERROR_BODY);
            } catch (IOException e) {
                return new byte[0];
            }
        }
    }
}
