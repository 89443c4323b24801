package dev.paymux.adapter.http;

import dev.paymux.core.spi.ResilienceSettings;
import feign.Feign;
import feign.Request;
import feign.Retryer;
import feign.codec.Decoder;
import feign.codec.Encoder;

/**
 * The Feign client every HTTP adapter builds its provider API on: the {@link JdkFeignClient} transport with
 * the instance's timeouts, Feign's own retry off (retries are {@link ProviderResilience}'s, per call kind),
 * and the adapter's codec and {@link ProviderErrors}. The adapter adds its request interceptors (auth,
 * signing) and targets its API interface.
 */
public final class ProviderHttp {

    private ProviderHttp() {
    }

    /** A builder with the transport, timeouts, codec and error decoder set. */
    public static Feign.Builder feign(ResilienceSettings settings, Encoder encoder, Decoder decoder,
            ProviderErrors errors) {
        return Feign.builder()
                .client(new JdkFeignClient(settings.connectTimeout(), settings.readTimeout()))
                .options(new Request.Options(settings.connectTimeout(), settings.readTimeout(), false))
                .retryer(Retryer.NEVER_RETRY)
                .encoder(encoder)
                .decoder(decoder)
                .errorDecoder(errors);
    }

    /** {@link #feign(ResilienceSettings, Encoder, Decoder, ProviderErrors)} with one {@link JsonCodec}. */
    public static Feign.Builder feign(ResilienceSettings settings, JsonCodec codec, ProviderErrors errors) {
        return feign(settings, codec, codec, errors);
    }
}
