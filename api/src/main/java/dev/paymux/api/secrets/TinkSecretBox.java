package dev.paymux.api.secrets;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import dev.paymux.core.store.SecretBox;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

/**
 * {@link SecretBox} with Google Tink's AEAD (AES-256-GCM). A sealed value is {@code tink:} + base64 of
 * Tink's ciphertext, which starts with the id of the key that sealed it: a keyset with several keys opens
 * values of all of them and seals with its primary, which is how keys are rotated. The associated data
 * binds each value to Paymux's secrets, so a ciphertext from elsewhere does not open.
 */
final class TinkSecretBox implements SecretBox {

    static final String PREFIX = "tink:";
    private static final byte[] CONTEXT = "paymux-stored-secret".getBytes(StandardCharsets.UTF_8);

    private final Aead aead;
    private final int primaryKeyId;

    private TinkSecretBox(KeysetHandle keyset) throws GeneralSecurityException {
        this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        this.primaryKeyId = keyset.getPrimary().getId();
    }

    /** From a keyset in Tink's JSON format (with its secret key material). */
    static TinkSecretBox fromJson(String keysetJson) {
        try {
            AeadConfig.register();
            return new TinkSecretBox(TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("paymux.secrets: the keyset cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** A new keyset of one AES-256-GCM key, in Tink's JSON format. */
    static String newKeysetJson() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                    InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a keyset: " + e.getMessage(), e);
        }
    }

    @Override
    public String seal(String secret) {
        if (secret == null) {
            return null;
        }
        try {
            return PREFIX + Base64.getEncoder().encodeToString(aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), CONTEXT));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a secret could not be sealed", e);
        }
    }

    @Override
    public String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        try {
            return new String(aead.decrypt(Base64.getDecoder().decode(stored.substring(PREFIX.length())), CONTEXT),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Never the value itself in the message: it may be close to the secret.
            throw new IllegalStateException("a stored secret cannot be opened with the configured keyset "
                    + "(paymux.secrets.keyset): was its key removed?");
        }
    }

    @Override
    public boolean needsResealing(String stored) {
        if (stored == null) {
            return false;
        }
        if (!stored.startsWith(PREFIX)) {
            return true;
        }
        byte[] ciphertext = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        // Tink's output prefix: version byte 0x01, then the key id (4 bytes, big-endian).
        return ciphertext.length < 5 || ciphertext[0] != 1 || ByteBuffer.wrap(ciphertext, 1, 4).getInt() != primaryKeyId;
    }
}
