package dev.paymux.core.spi;

/** Whether a provider instance can take payments now, and why not. */
public record ProviderHealth(boolean up, String detail) {

    public static ProviderHealth up(String detail) {
        return new ProviderHealth(true, detail);
    }

    public static ProviderHealth down(String detail) {
        return new ProviderHealth(false, detail);
    }
}
