package dev.paymux.core.spi;

/**
 * Builds instances of one provider type from their settings. An adapter module ships one, listed in
 * {@code META-INF/services/dev.paymux.core.spi.PaymentProviderFactory}, so that adding the module to
 * the application and configuring {@code paymux.providers.instances.<name>.type=<type>} is all it takes.
 */
public interface PaymentProviderFactory {

    /** The provider type, as {@link PaymentProvider#type()} and the {@code type} setting name it. */
    String type();

    /**
     * @param instance  the instance name: unique, also the callback path {@code /callbacks/<instance>}
     * @throws IllegalStateException naming the setting when one is missing or malformed
     */
    PaymentProvider create(String instance, ProviderSettings settings);
}
