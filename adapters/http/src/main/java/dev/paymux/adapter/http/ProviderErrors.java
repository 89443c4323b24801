package dev.paymux.adapter.http;

import dev.paymux.core.spi.ProviderException;
import dev.paymux.core.spi.ProviderException.Kind;
import feign.FeignException;
import feign.Response;
import feign.RetryableException;
import feign.codec.DecodeException;
import feign.codec.ErrorDecoder;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.function.Function;

/**
 * Every way a provider call can fail, as a {@link ProviderException} whose message is safe to show:
 * <ul>
 *   <li>HTTP 408, 429 and 5xx: {@code UNAVAILABLE};</li>
 *   <li>401 and 403: {@code REJECTED}, saying the instance is not authorised (our credentials, not the
 *       merchant's request);</li>
 *   <li>other 4xx: {@code REJECTED} with the provider's own message, as the adapter's {@link MessageReader}
 *       reads it from the body;</li>
 *   <li>connection refused or reset, connect or read timeout, a body cut off: {@code UNAVAILABLE};</li>
 *   <li>an empty or unreadable answer, or a status the provider never documents: {@code MALFORMED};</li>
 *   <li>an open circuit: {@code UNAVAILABLE}.</li>
 * </ul>
 * Use it as the Feign client's error decoder, and {@link #translate} on whatever a call throws
 * ({@link ProviderResilience} does). Messages never carry the request URL or the raw body.
 */
public final class ProviderErrors implements ErrorDecoder {

    /** Reads the provider's own error message from an error body; null when it says nothing readable. */
    @FunctionalInterface
    public interface MessageReader {
        String message(byte[] body);
    }

    /**
     * A provider's exception to the status rules (e.g. a 422 whose message means "temporarily unavailable"):
     * returns the kind to use instead, or null to apply the rules.
     */
    @FunctionalInterface
    public interface Override {
        Kind kind(int status, String message);
    }

    private static final int MAX_BODY = 64 * 1024;
    private static final int MAX_MESSAGE = 300;

    private final String instance;
    private final String provider;
    private final MessageReader reader;
    private final Override override;

    /**
     * @param instance the instance's name, carried by every exception
     * @param provider the provider's name as messages show it, e.g. {@code Soprano}
     * @param reader   how the provider's error bodies carry their message
     */
    public ProviderErrors(String instance, String provider, MessageReader reader) {
        this(instance, provider, reader, (status, message) -> null);
    }

    public ProviderErrors(String instance, String provider, MessageReader reader, Override override) {
        this.instance = Objects.requireNonNull(instance, "instance");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.reader = Objects.requireNonNull(reader, "reader");
        this.override = Objects.requireNonNull(override, "override");
    }

    public String instance() {
        return instance;
    }

    @java.lang.Override
    public Exception decode(String methodKey, Response response) {
        return forStatus(response.status(), readBody(response));
    }

    /** The exception for an answer with HTTP {@code status} and {@code body}. */
    public ProviderException forStatus(int status, byte[] body) {
        String message = status >= 400 && status < 500 ? clip(readMessage(body)) : null;
        Kind overridden = override.kind(status, message);
        if (overridden != null) {
            return new ProviderException(overridden, instance, provider + (overridden == Kind.REJECTED
                    ? " refused the request" : " is unavailable") + detail(status, message), null);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new ProviderException(Kind.UNAVAILABLE, instance,
                    provider + " is unavailable (HTTP " + status + ")", null);
        }
        if (status == 401 || status == 403) {
            return new ProviderException(Kind.REJECTED, instance, provider
                    + " refused the request: the provider instance is not authorised (authorisation refused, HTTP "
                    + status + ")", null);
        }
        if (status >= 400) {
            return new ProviderException(Kind.REJECTED, instance, provider + " refused the request"
                    + detail(status, message), null);
        }
        return new ProviderException(Kind.MALFORMED, instance, provider + " answered HTTP " + status, null);
    }

    /** Whatever a call threw, as the exception the adapter leaves with. */
    public ProviderException translate(Throwable t) {
        if (t instanceof ProviderException pe) {
            return pe;
        }
        if (t instanceof CallNotPermittedException) {
            return new ProviderException(Kind.UNAVAILABLE, instance,
                    provider + " is unavailable (circuit open after repeated failures)", t);
        }
        ProviderException inner = cause(t, ProviderException.class);
        if (inner != null) {
            return inner;
        }
        if (t instanceof DecodeException || cause(t, DecodeException.class) != null) {
            return new ProviderException(Kind.MALFORMED, instance, provider + " answered a body that cannot be read",
                    null);
        }
        if (t instanceof RetryableException) {
            // Feign's wrapper for I/O errors: connection refused or reset, connect or read timeout.
            return new ProviderException(Kind.UNAVAILABLE, instance, provider + " could not be reached or timed out ("
                    + ioReason(t) + ")", rootIo(t));
        }
        if (t instanceof FeignException && cause(t, IOException.class) != null) {
            return new ProviderException(Kind.UNAVAILABLE, instance, provider + "'s answer was cut off ("
                    + ioReason(t) + ")", rootIo(t));
        }
        if (t instanceof FeignException fe) {
            return new ProviderException(Kind.MALFORMED, instance, provider + " answered unreadably (HTTP "
                    + fe.status() + ")", null);
        }
        // Anything else (a signer failing before the request left): the outcome is unknown.
        return new ProviderException(Kind.MALFORMED, instance, provider + " call failed unexpectedly ("
                + t.getClass().getSimpleName() + ")", t);
    }

    private String readMessage(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            String message = reader.message(body);
            return message == null || message.isBlank() ? null : message.strip();
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static String detail(int status, String message) {
        return message == null ? " (HTTP " + status + ")" : ": " + message;
    }

    private static String clip(String s) {
        return s == null || s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "...";
    }

    private static String ioReason(Throwable t) {
        IOException io = t instanceof IOException e ? e : cause(t, IOException.class);
        return io == null ? "no answer" : io.getClass().getSimpleName();
    }

    // The I/O error alone as the cause: Feign's wrappers name the request URL, which may carry a secret.
    private static IOException rootIo(Throwable t) {
        IOException io = cause(t, IOException.class);
        return io == null ? null : new IOException(io.getClass().getSimpleName());
    }

    private static byte[] readBody(Response response) {
        if (response.body() == null) {
            return new byte[0];
        }
        try (InputStream in = response.body().asInputStream()) {
            return in.readNBytes(MAX_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static <X extends Throwable> X cause(Throwable t, Class<X> type) {
        for (Throwable c = t.getCause(); c != null && c != t; c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
