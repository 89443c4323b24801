package dev.paymux.core.store;

import java.time.Instant;
import java.util.Optional;

/** The stores' checkout branding. */
public interface StoreBrandings {

    /** The store's branding; {@link StoreBranding#none} when it set none. */
    StoreBranding find(StoreId store);

    /** Sets colour and return URL (null removes each), keeping the logo. */
    void put(StoreId store, String accentColor, String returnUrl, Instant now);

    void putLogo(StoreId store, String type, byte[] image, Instant now);

    /** @return whether there was a logo */
    boolean removeLogo(StoreId store, Instant now);

    /** A stored logo: its type, bytes, and when it last changed (its cache validator). */
    record Logo(String type, byte[] image, Instant updatedAt) {
    }

    Optional<Logo> logo(StoreId store);
}
